package com.artisanmarket.catalog.media;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.artisanmarket.catalog.media.ImageFiles.Check;
import com.artisanmarket.catalog.product.ProductImageAttacher;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes photos that no product has shown for the grace period
 * ({@link ImageSettings#orphanGrace()}): an upload whose product was saved without it, a
 * photo taken off every product it was on. Without this, "upload 5 MB, save the product
 * without it" would fill the disk without end. Only the photos booked for a check are
 * looked at (see {@link ImageFiles}), and whether a product shows one is read from the
 * products it may be on, by {@code _id}.
 * <p>
 * A photo is marked before it is deleted, on condition that it was not touched since it
 * was read; a product saved with it meanwhile either touched it first (the mark fails and
 * the photo stays) or finds it marked (and is refused). So several instances may sweep at
 * once, and none deletes a photo a product shows.
 */
@Component
class OrphanImages {

	private static final Logger logger = LoggerFactory.getLogger(OrphanImages.class);

	private final ImageFiles files;

	private final ProductImageAttacher products;

	private final ImageQuotas quotas;

	private final ImageSettings settings;

	private final Clock clock;

	OrphanImages(ImageFiles files, ProductImageAttacher products, ImageQuotas quotas, ImageSettings settings,
			Clock clock) {
		this.files = files;
		this.products = products;
		this.quotas = quotas;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${marketplace.catalog.images.sweep-interval:1h}",
			fixedDelayString = "${marketplace.catalog.images.sweep-interval:1h}")
	void sweep() {
		int deleted = sweep(this.clock.instant());
		if (deleted > 0) {
			logger.info("Deleted {} photos no product showed for {}", deleted, this.settings.orphanGrace());
		}
	}

	/**
	 * Settles every check due at the given time.
	 * @return the number of photos deleted
	 */
	int sweep(Instant now) {
		int deleted = 0;
		for (Check check : this.files.due(now)) {
			if (settle(check, now)) {
				deleted++;
			}
		}
		return deleted;
	}

	private boolean settle(Check check, Instant now) {
		Optional<GridFSFile> found = this.files.find(check.id());
		if (found.isEmpty()) {
			this.files.checked(check);
			return false;
		}
		GridFSFile photo = found.get();
		boolean markedHere = false;
		if (!ImageFiles.beingDeleted(photo)) {
			Date touchedAt = ImageFiles.touchedAt(photo);
			if (touchedAt.toInstant().plus(this.settings.orphanGrace()).isAfter(now)) {
				// Touched since this check was booked: a later one is booked with it.
				return false;
			}
			if (this.products.anyShows(ImageFiles.mayBeShownOn(photo), ImageFiles.pathOf(photo))) {
				this.files.checked(check);
				return false;
			}
			if (!this.files.markDeleting(photo, touchedAt)) {
				return false;
			}
			markedHere = true;
		}
		this.files.delete(photo);
		if (markedHere) {
			ImageFiles.counted(photo)
				.ifPresent((counted) -> this.quotas.giveBack(counted.artisanId(), counted.bytes()));
		}
		this.files.checked(check);
		return true;
	}

}
