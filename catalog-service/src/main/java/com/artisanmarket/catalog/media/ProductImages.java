package com.artisanmarket.catalog.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.artisanmarket.catalog.product.ProductImageAttacher;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;
import com.mongodb.client.gridfs.model.GridFSFile;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.bson.types.ObjectId;

import org.springframework.core.io.InputStreamResource;
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

/**
 * Product photos: uploaded by the product's owner, decoded and written afresh from their
 * pixels (JPEG or PNG, see {@link ImageReencoder}) with a smaller rendition for listings,
 * counted against the artisan's quota, kept in MongoDB's GridFS and served under
 * {@code /media/} ({@code ?size=small} for the rendition) with long caching, since a
 * stored image never changes (a new photo gets a new id).
 */
@RestController
class ProductImages {

	private static final String SMALL = "small";

	private final GridFsTemplate files;

	private final ImageFiles images;

	private final ImageReencoder reencoder;

	private final DecodePermits permits;

	private final ImageQuotas quotas;

	private final ProductImageAttacher products;

	ProductImages(GridFsTemplate files, ImageFiles images, ImageReencoder reencoder, DecodePermits permits,
			ImageQuotas quotas, ProductImageAttacher products) {
		this.files = files;
		this.images = images;
		this.reencoder = reencoder;
		this.permits = permits;
		this.quotas = quotas;
		this.products = products;
	}

	@PostMapping(path = "/api/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ApiResponse(responseCode = "201", description = "The image's url")
	ResponseEntity<Map<String, String>> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
			Caller caller) {
		String artisanId = this.products.checkCanAttach(id, caller);
		CleanImage image = this.permits.withPermit(() -> {
			try (InputStream content = file.getInputStream()) {
				return this.reencoder.reencode(content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		this.quotas.take(artisanId, image.bytes());
		String url = this.images.store(image, id, artisanId);
		this.products.attach(id, url, caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url));
	}

	@GetMapping("/media/{fileId}")
	ResponseEntity<InputStreamResource> serve(@PathVariable String fileId, @RequestParam(required = false) String size)
			throws IOException {
		if (size != null && !SMALL.equals(size)) {
			throw new FieldValidationException("size", "must be small, or left out for the original");
		}
		if (!ObjectId.isValid(fileId)) {
			throw new NotFoundException("image", fileId);
		}
		GridFSFile photo = this.images.find(new ObjectId(fileId))
			.orElseThrow(() -> new NotFoundException("image", fileId));
		GridFSFile file = (size != null) ? this.images.small(photo) : photo;
		GridFsResource resource = this.files.getResource(file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(resource.getContentType()))
			.contentLength(file.getLength())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(resource.getInputStream()));
	}

}
