package com.artisanmarket.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CraftPicturesTests {

	static final List<String> patterns = CraftPictures.PATTERNS;

	@ParameterizedTest
	@FieldSource("patterns")
	void drawsAReadablePngWithRealContent(String pattern) throws IOException {
		byte[] png = CraftPictures.png(pattern, 42);

		assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(CraftPictures.SIZE);
		assertThat(image.getHeight()).isEqualTo(CraftPictures.SIZE);
		Set<Integer> colours = new HashSet<>();
		for (int x = 0; x < image.getWidth(); x += 7) {
			for (int y = 0; y < image.getHeight(); y += 7) {
				colours.add(image.getRGB(x, y));
			}
		}
		assertThat(colours).as("a pattern, not a flat colour").hasSizeGreaterThan(4);
	}

	@Test
	void drawsEachPieceALittleDifferentlyAndTheSamePieceTheSame() {
		assertThat(CraftPictures.png("carpet", 1)).isNotEqualTo(CraftPictures.png("carpet", 2));
		assertThat(CraftPictures.png("suzani", 7)).isEqualTo(CraftPictures.png("suzani", 7));
		assertThat(CraftPictures.png("ceramic-blue", 3)).isNotEqualTo(CraftPictures.png("ceramic-brown", 3));
	}

	@Test
	void refusesAnUnknownPattern() {
		assertThatIllegalArgumentException().isThrownBy(() -> CraftPictures.png("plastic", 1));
	}

}
