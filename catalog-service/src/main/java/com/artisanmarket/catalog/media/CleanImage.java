package com.artisanmarket.catalog.media;

/**
 * An upload as the marketplace keeps it: written afresh from its pixels.
 *
 * @param type the format, the same as the upload's
 * @param original the full-size image
 * @param small the rendition for listings, or null when the original is no wider
 */
record CleanImage(ImageType type, byte[] original, byte[] small) {

	long bytes() {
		return this.original.length + ((this.small != null) ? this.small.length : 0);
	}

}
