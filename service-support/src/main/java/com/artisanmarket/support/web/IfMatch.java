package com.artisanmarket.support.web;

/**
 * Reads an {@code If-Match} header that names a document's version, as the parts' ETags
 * do ({@code "3"}; a weak {@code W/"3"} is taken too).
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The version {@code ifMatch} names, or {@code null} when there is no precondition
	 * (no header, or {@code *}).
	 * @param ifMatch the header, possibly {@code null}
	 * @param what what the version is of, for the answer to a tag that is not a version
	 * @throws PreconditionFailedException when the tag is not a version at all
	 */
	public static Long version(String ifMatch, String what) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new PreconditionFailedException("If-Match " + ifMatch + " is not a version of this " + what + ".");
		}
	}

	/** The strong ETag of a version. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}
