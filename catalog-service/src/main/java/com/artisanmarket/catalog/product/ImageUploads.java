package com.artisanmarket.catalog.product;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The pictures uploaded to the catalogue, as the media store recorded them. Implemented
 * by the media feature, so that products need not know how or where images are kept. The
 * store deletes a picture once no product has shown it for a while, so it is told before
 * a product is saved with pictures ({@link #show}) and after a product stopped showing
 * some ({@link #takenOff}).
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

	/**
	 * Records that the product is about to be saved showing these pictures, so that they
	 * are kept.
	 * @return the paths that could not be recorded: no upload, or one being deleted
	 */
	Set<String> show(Collection<String> paths, String productId);

	/**
	 * Records that a product no longer shows these pictures; one that no product shows is
	 * deleted after a grace period.
	 */
	void takenOff(Collection<String> paths);

}
