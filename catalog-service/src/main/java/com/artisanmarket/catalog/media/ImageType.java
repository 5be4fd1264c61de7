package com.artisanmarket.catalog.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the marketplace accepts, recognised by their first bytes, never by a
 * file's name or the type a client claims.
 */
enum ImageType {

	JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String mediaType;

	ImageType(String mediaType) {
		this.mediaType = mediaType;
	}

	String mediaType() {
		return this.mediaType;
	}

	static Optional<ImageType> sniff(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (content.length >= 8 && Arrays.equals(Arrays.copyOf(content, 8), PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (content.length >= 12 && ascii(content, 0, "RIFF") && ascii(content, 8, "WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean ascii(byte[] content, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (content[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
