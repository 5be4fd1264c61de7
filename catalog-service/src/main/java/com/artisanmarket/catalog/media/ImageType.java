package com.artisanmarket.catalog.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the marketplace accepts, recognised by their first bytes, never by a
 * file's name or the type a client claims. WebP is not among them: the JDK can neither
 * read nor write it, and an upload is kept only as the marketplace re-encoded it.
 */
enum ImageType {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** How many first bytes {@link #sniff} needs at most. */
	static final int SIGNATURE_LENGTH = PNG_SIGNATURE.length;

	private final String mediaType;

	private final String formatName;

	ImageType(String mediaType, String formatName) {
		this.mediaType = mediaType;
		this.formatName = formatName;
	}

	String mediaType() {
		return this.mediaType;
	}

	/** The name ImageIO knows the format by. */
	String formatName() {
		return this.formatName;
	}

	static Optional<ImageType> sniff(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (content.length >= 8 && Arrays.equals(Arrays.copyOf(content, 8), PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		return Optional.empty();
	}

}
