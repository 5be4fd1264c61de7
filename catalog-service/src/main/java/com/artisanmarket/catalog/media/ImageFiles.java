package com.artisanmarket.catalog.media;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.artisanmarket.catalog.product.ImageUploads;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Uploaded product photos in GridFS, each with the product it was uploaded for in its
 * metadata, and the {@code /media/} path that names it. A path names an upload only in
 * exactly the form an upload is given ({@code /media/} and the file's id), so nothing
 * like {@code /media/../} or a query string can pass for one.
 */
@Component
class ImageFiles implements ImageUploads {

	private static final String PATH_PREFIX = "/media/";

	private static final String PRODUCT_ID = "productId";

	private static final Pattern PATH = Pattern.compile(Pattern.quote(PATH_PREFIX) + "([0-9a-f]{24})");

	private final GridFsTemplate files;

	ImageFiles(GridFsTemplate files) {
		this.files = files;
	}

	/** Stores an image uploaded for a product and answers its path. */
	String store(byte[] content, ImageType type, String productId) {
		ObjectId stored = this.files.store(new ByteArrayInputStream(content),
				"product-" + productId + "." + type.name().toLowerCase(Locale.ROOT), type.mediaType(),
				new Document(PRODUCT_ID, productId));
		return PATH_PREFIX + stored.toHexString();
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
