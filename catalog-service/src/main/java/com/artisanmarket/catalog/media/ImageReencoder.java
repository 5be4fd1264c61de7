package com.artisanmarket.catalog.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Decodes an upload and writes a fresh file from its pixels alone. What a file carries
 * besides its pixels (EXIF with the place a photo was taken, comments, bytes appended
 * after the image, a script a browser might be talked into running) is not copied, and a
 * file that only starts like an image is refused. The size the file declares is checked
 * before its pixels are read, so that a small file cannot unpack into more memory than
 * {@link ImageSettings#maxPixels()} allows.
 */
@Component
class ImageReencoder {

	private static final float JPEG_QUALITY = 0.9f;

	private final ImageSettings settings;

	ImageReencoder(ImageSettings settings) {
		this.settings = settings;
	}

	CleanImage reencode(InputStream upload) {
		BufferedInputStream content = new BufferedInputStream(upload);
		ImageType type = ImageType.sniff(head(content)).orElseThrow(ImageReencoder::notAnImage);
		BufferedImage image = decode(content, type);
		byte[] small = (image.getWidth() > this.settings.smallWidth())
				? encode(scaled(image, this.settings.smallWidth()), type) : null;
		return new CleanImage(type, encode(image, type), small);
	}

	private BufferedImage decode(InputStream content, ImageType type) {
		ImageReader reader = ImageIO.getImageReadersByFormatName(type.formatName()).next();
		try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
			reader.setInput(input, true, true);
			long pixels;
			try {
				pixels = (long) reader.getWidth(0) * reader.getHeight(0);
			}
			catch (IOException | RuntimeException ex) {
				throw notAnImage();
			}
			if (pixels > this.settings.maxPixels()) {
				throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
						"The image has " + pixels + " pixels; at most " + this.settings.maxPixels()
								+ " are accepted. Please send a smaller one.");
			}
			try {
				return reader.read(0);
			}
			catch (IOException | RuntimeException ex) {
				throw notAnImage();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			reader.dispose();
		}
	}

	private static byte[] head(BufferedInputStream content) {
		try {
			content.mark(ImageType.SIGNATURE_LENGTH);
			byte[] head = content.readNBytes(ImageType.SIGNATURE_LENGTH);
			content.reset();
			return head;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Halves the image until one more halving would make it narrower than wanted, then
	 * scales it to the width: a single bilinear step from far larger would skip most
	 * pixels and shimmer.
	 */
	private static BufferedImage scaled(BufferedImage image, int width) {
		BufferedImage current = image;
		while (current.getWidth() / 2 >= width) {
			current = resized(current, current.getWidth() / 2);
		}
		return (current.getWidth() == width) ? current : resized(current, width);
	}

	private static BufferedImage resized(BufferedImage image, int width) {
		int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
		int kind = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage resized = new BufferedImage(width, height, kind);
		Graphics2D graphics = resized.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return resized;
	}

	/** Writes the pixels alone: no metadata is handed to the writer. */
	private static byte[] encode(BufferedImage image, ImageType type) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(type.formatName());
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			if (type == ImageType.JPEG) {
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static ResponseStatusException notAnImage() {
		return new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Only JPEG or PNG images that can be read in full, recognised by their content, are accepted.");
	}

}
