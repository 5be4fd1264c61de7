package com.artisanmarket.catalog.media;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.artisanmarket.catalog.product.ImageUploads;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Component;

/**
 * Uploaded product photos in GridFS, and the {@code /media/} path that names each. A path
 * names an upload only in exactly the form an upload is given ({@code /media/} and the
 * file's id), so nothing like {@code /media/../} or a query string can pass for one.
 * <p>
 * A photo's metadata records the product it was uploaded for, the products it may be
 * shown on (every product that was saved with it, added before that product is written,
 * so it is never missing one that shows it) and when it was last uploaded, put on or
 * taken off a product. Each of those moments also books a check of the photo one grace
 * period later in a small collection of its own ({@value #CHECKS}), so that
 * {@link OrphanImages} finds the photos that may be shown nowhere without scanning all of
 * them.
 */
@Component
class ImageFiles implements ImageUploads {

	static final String CHECKS = "imageChecks";

	private static final String FILES = "fs.files";

	private static final String PATH_PREFIX = "/media/";

	private static final String PRODUCT_ID = "productId";

	private static final String ARTISAN_ID = "artisanId";

	private static final String SHOWN_ON = "shownOn";

	private static final String TOUCHED_AT = "touchedAt";

	private static final String BYTES = "bytes";

	private static final String SMALL = "small";

	private static final String DELETING = "deleting";

	private static final String DUE = "due";

	private static final Pattern PATH = Pattern.compile(Pattern.quote(PATH_PREFIX) + "([0-9a-f]{24})");

	private final GridFsTemplate files;

	private final MongoOperations mongo;

	private final ImageSettings settings;

	private final Clock clock;

	ImageFiles(GridFsTemplate files, MongoOperations mongo, ImageSettings settings, Clock clock) {
		this.files = files;
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
		// For the sweep's "checks due by now". Used by real MongoDB; the embedded server
		// accepts and ignores it (docs/architecture.md, 'Known limits of the embedded
		// MongoDB server'), where the collection stays small instead: a check is
		// forgotten once settled.
		mongo.indexOps(CHECKS).createIndex(new Index(DUE, Sort.Direction.ASC));
	}

	/**
	 * Stores a photo uploaded for a product, and its rendition after it (a photo whose
	 * rendition a crash kept from being stored is served in full), and answers its path.
	 * The photo's check is booked first, so that a crash while storing leaves nothing the
	 * sweep would not find.
	 */
	String store(CleanImage image, String productId, String artisanId) {
		Instant now = this.clock.instant();
		ObjectId id = new ObjectId();
		String name = "product-" + productId;
		String extension = "." + image.type().name().toLowerCase(Locale.ROOT);
		Document metadata = new Document(PRODUCT_ID, productId).append(ARTISAN_ID, artisanId)
			.append(SHOWN_ON, List.of(productId))
			.append(TOUCHED_AT, Date.from(now))
			.append(BYTES, image.bytes());
		ObjectId small = (image.small() != null) ? new ObjectId() : null;
		if (small != null) {
			metadata.append(SMALL, small);
		}
		checkAfterGrace(id, now);
		store(id, image.original(), name + extension, image.type(), metadata);
		if (small != null) {
			store(small, image.small(), name + "-small" + extension, image.type(), new Document());
		}
		return PATH_PREFIX + id.toHexString();
	}

	private void store(ObjectId id, byte[] content, String name, ImageType type, Document metadata) {
		this.files.store(GridFsUpload.fromStream(new ByteArrayInputStream(content))
			.id(id)
			.filename(name)
			.metadata(metadata)
			.contentType(type.mediaType())
			.build());
	}

	Optional<GridFSFile> find(ObjectId id) {
		return Optional.ofNullable(this.files.findOne(byId(id)));
	}

	/** The photo's rendition for listings, or the photo itself when it has none. */
	GridFSFile small(GridFSFile photo) {
		Document metadata = photo.getMetadata();
		ObjectId small = (metadata != null) ? metadata.getObjectId(SMALL) : null;
		return (small != null) ? find(small).orElse(photo) : photo;
	}

	@Override
	public Map<String, String> productsOf(Collection<String> paths) {
		Map<ObjectId, String> pathsById = new HashMap<>();
		for (String path : paths) {
			idOf(path).ifPresent((id) -> pathsById.put(id, path));
		}
		Map<String, String> products = new HashMap<>();
		if (pathsById.isEmpty()) {
			return products;
		}
		List<ObjectId> ids = List.copyOf(pathsById.keySet());
		for (GridFSFile file : this.files.find(new Query(Criteria.where("_id").in(ids)))) {
			Document metadata = file.getMetadata();
			String productId = (metadata != null) ? metadata.getString(PRODUCT_ID) : null;
			if (productId != null) {
				products.put(pathsById.get(file.getObjectId()), productId);
			}
		}
		return products;
	}

	@Override
	public Set<String> show(Collection<String> paths, String productId) {
		Instant now = this.clock.instant();
		Set<String> gone = new LinkedHashSet<>();
		for (String path : paths) {
			Optional<ObjectId> id = idOf(path);
			if (id.isEmpty() || !shownOn(id.get(), productId, now)) {
				gone.add(path);
			}
		}
		return gone;
	}

	private boolean shownOn(ObjectId id, String productId, Instant now) {
		Query notBeingDeleted = new Query(Criteria.where("_id").is(id).and(metadata(DELETING)).exists(false));
		Update shown = new Update().addToSet(metadata(SHOWN_ON), productId).set(metadata(TOUCHED_AT), Date.from(now));
		if (this.mongo.updateFirst(notBeingDeleted, shown, FILES).getMatchedCount() == 0) {
			return false;
		}
		checkAfterGrace(id, now);
		return true;
	}

	@Override
	public void takenOff(Collection<String> paths) {
		Instant now = this.clock.instant();
		for (String path : paths) {
			idOf(path).ifPresent((id) -> {
				this.mongo.updateFirst(byId(id), new Update().set(metadata(TOUCHED_AT), Date.from(now)), FILES);
				checkAfterGrace(id, now);
			});
		}
	}

	/** The photos whose check is due. */
	List<Check> due(Instant now) {
		return this.mongo.find(new Query(Criteria.where(DUE).lte(Date.from(now))), Check.class, CHECKS);
	}

	/**
	 * The products that may show the photo: the one it was uploaded for and those saved
	 * with it.
	 */
	static Set<String> mayBeShownOn(GridFSFile photo) {
		Document metadata = photo.getMetadata();
		Set<String> products = new HashSet<>(metadata.getList(SHOWN_ON, String.class, List.of()));
		products.add(metadata.getString(PRODUCT_ID));
		return products;
	}

	static String pathOf(GridFSFile photo) {
		return PATH_PREFIX + photo.getObjectId().toHexString();
	}

	/** When the photo was last uploaded, put on or taken off a product. */
	static Date touchedAt(GridFSFile photo) {
		Date touched = photo.getMetadata().getDate(TOUCHED_AT);
		return (touched != null) ? touched : photo.getUploadDate();
	}

	static boolean beingDeleted(GridFSFile photo) {
		return photo.getMetadata().containsKey(DELETING);
	}

	/**
	 * Marks the photo as being deleted, unless it was touched since {@code touchedAt}:
	 * from then on it can no longer be put on a product ({@link #show} fails for it).
	 * @return whether it was marked
	 */
	boolean markDeleting(GridFSFile photo, Date touchedAt) {
		Query untouched = new Query(Criteria.where("_id")
			.is(photo.getObjectId())
			.and(metadata(TOUCHED_AT))
			.is(touchedAt)
			.and(metadata(DELETING))
			.exists(false));
		return this.mongo
			.updateFirst(untouched, new Update().set(metadata(DELETING), Date.from(this.clock.instant())), FILES)
			.getModifiedCount() == 1;
	}

	/** Deletes the photo and its rendition. */
	void delete(GridFSFile photo) {
		ObjectId small = photo.getMetadata().getObjectId(SMALL);
		if (small != null) {
			this.files.delete(byId(small));
		}
		this.files.delete(byId(photo.getObjectId()));
	}

	/** The artisan a photo is counted against and its bytes, when it is counted. */
	static Optional<Counted> counted(GridFSFile photo) {
		Document metadata = photo.getMetadata();
		if (!metadata.containsKey(BYTES) || metadata.getString(ARTISAN_ID) == null) {
			return Optional.empty();
		}
		return Optional.of(new Counted(metadata.getString(ARTISAN_ID), ((Number) metadata.get(BYTES)).longValue()));
	}

	/** Forgets a check, unless it was booked again for later meanwhile. */
	void checked(Check check) {
		this.mongo.remove(new Query(Criteria.where("_id").is(check.id()).and(DUE).is(check.due())), CHECKS);
	}

	private void checkAfterGrace(ObjectId id, Instant from) {
		this.mongo.upsert(byId(id), new Update().set(DUE, Date.from(from.plus(this.settings.orphanGrace()))), CHECKS);
	}

	private static Optional<ObjectId> idOf(String path) {
		Matcher matcher = PATH.matcher(path);
		return matcher.matches() ? Optional.of(new ObjectId(matcher.group(1))) : Optional.empty();
	}

	private static Query byId(ObjectId id) {
		return new Query(Criteria.where("_id").is(id));
	}

	private static String metadata(String field) {
		return "metadata." + field;
	}

	/** A booked check of a photo. */
	record Check(ObjectId id, Date due) {

	}

	/** What a stored photo counts against its artisan's quota. */
	record Counted(String artisanId, long bytes) {

	}

}
