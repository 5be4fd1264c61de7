package com.artisanmarket.catalog.product;

import java.util.Collection;
import java.util.Map;

/**
 * The pictures uploaded to the catalogue, as the media store recorded them. Implemented
 * by the media feature, so that products need not know how or where images are kept.
 */
public interface ImageUploads {

	/**
	 * The product each path was uploaded for.
	 * @param paths image paths as a product lists them ({@code /media/…})
	 * @return for each path that names a stored upload, the id of the product it was
	 * uploaded for; any other path (another site, an unknown file, a path that is not
	 * exactly an upload's) is left out
	 */
	Map<String, String> productsOf(Collection<String> paths);

}
