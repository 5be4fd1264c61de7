package com.artisanmarket.catalog.media;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.artisanmarket.catalog.product.ImageUploads;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Component;

/**
 * Uploaded product photos in GridFS, each with the product it was uploaded for in its
 * metadata (and the id of its rendition for listings, if it has one), and the
 * {@code /media/} path that names it. A path names an upload only in exactly the form an
 * upload is given ({@code /media/} and the file's id), so nothing like {@code /media/../}
 * or a query string can pass for one.
 */
@Component
class ImageFiles implements ImageUploads {

	private static final String PATH_PREFIX = "/media/";

	private static final String PRODUCT_ID = "productId";

	private static final String SMALL = "small";

	private static final Pattern PATH = Pattern.compile(Pattern.quote(PATH_PREFIX) + "([0-9a-f]{24})");

	private final GridFsTemplate files;

	ImageFiles(GridFsTemplate files) {
		this.files = files;
	}

	/**
	 * Stores a photo uploaded for a product, and its rendition after it (a photo whose
	 * rendition a crash kept from being stored is served in full), and answers its path.
	 */
	String store(CleanImage image, String productId) {
		ObjectId id = new ObjectId();
		String name = "product-" + productId;
		String extension = "." + image.type().name().toLowerCase(Locale.ROOT);
		Document metadata = new Document(PRODUCT_ID, productId);
		ObjectId small = (image.small() != null) ? new ObjectId() : null;
		if (small != null) {
			metadata.append(SMALL, small);
		}
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
		return Optional.ofNullable(this.files.findOne(new Query(Criteria.where("_id").is(id))));
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
			Matcher matcher = PATH.matcher(path);
			if (matcher.matches()) {
				pathsById.put(new ObjectId(matcher.group(1)), path);
			}
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

}
