package com.artisanmarket.catalog.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits on product photos.
 *
 * @param maxPixels the most pixels (width × height, as the file declares them) an upload
 * may have; it is checked before any pixel is read, so a small file that unpacks into
 * gigabytes (a decompression bomb) is refused without being decoded
 * @param concurrentDecodes how many uploads may be decoded at once; each holds its pixels
 * in memory (up to about 4 bytes per pixel), so this and {@code maxPixels} bound the heap
 * uploads take; an upload beyond it is answered 503 with {@code Retry-After}
 * @param smallWidth the width of the smaller rendition listings show
 * @param maxImagesPerArtisan the most photos one artisan may keep stored
 * @param maxBytesPerArtisan the most bytes (originals and renditions) one artisan may
 * keep stored
 * @param orphanGrace how long a photo shown on none of its artisan's products is kept
 * after it was uploaded, attached or removed from a product, before it is deleted
 * @param sweepInterval how often photos shown nowhere are looked for
 */
@ConfigurationProperties("marketplace.catalog.images")
record ImageSettings(@DefaultValue("25000000") long maxPixels, @DefaultValue("2") int concurrentDecodes,
		@DefaultValue("480") int smallWidth, @DefaultValue("500") int maxImagesPerArtisan,
		@DefaultValue("500MB") DataSize maxBytesPerArtisan, @DefaultValue("24h") Duration orphanGrace,
		@DefaultValue("1h") Duration sweepInterval) {

}
