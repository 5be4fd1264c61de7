package com.artisanmarket.catalog.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.artisanmarket.catalog.product.ProductImageAttacher;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.NotFoundException;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.types.ObjectId;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Product photos: uploaded by the product's owner, checked by content (JPEG, PNG or
 * WebP), kept in MongoDB's GridFS and served under {@code /media/} with long caching,
 * since a stored image never changes (a new photo gets a new id).
 */
@RestController
class ProductImages {

	private final GridFsTemplate files;

	private final ImageFiles images;

	private final ProductImageAttacher products;

	ProductImages(GridFsTemplate files, ImageFiles images, ProductImageAttacher products) {
		this.files = files;
		this.images = images;
		this.products = products;
	}

	@PostMapping(path = "/api/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
			Caller caller) {
		this.products.checkCanAttach(id, caller);
		byte[] content = bytes(file);
		ImageType type = ImageType.sniff(content)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Only JPEG, PNG or WebP images, recognised by their content, are accepted."));
		String url = this.images.store(content, type, id);
		this.products.attach(id, url, caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url));
	}

	@GetMapping("/media/{fileId}")
	ResponseEntity<InputStreamResource> serve(@PathVariable String fileId) throws IOException {
		if (!ObjectId.isValid(fileId)) {
			throw new NotFoundException("image", fileId);
		}
		GridFSFile file = this.files.findOne(new Query(Criteria.where("_id").is(new ObjectId(fileId))));
		if (file == null) {
			throw new NotFoundException("image", fileId);
		}
		GridFsResource resource = this.files.getResource(file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(resource.getContentType()))
			.contentLength(file.getLength())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(resource.getInputStream()));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
