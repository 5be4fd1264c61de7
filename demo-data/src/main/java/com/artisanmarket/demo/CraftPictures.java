package com.artisanmarket.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Product pictures drawn by the project itself: a pattern per craft (a carpet's borders
 * and medallion, a Rishtan plate's blue rings, a suzani's rosettes, ikat's blurred
 * zigzags, ...), varied per product by a seed so no two pieces look the same.
 */
final class CraftPictures {

	static final List<String> PATTERNS = List.of("carpet", "kelaghayi", "copper", "ceramic-blue", "ceramic-brown",
			"suzani", "ikat", "paper", "gold-embroidery", "woodcarving", "jewellery", "textile");

	static final int SIZE = 480;

	private CraftPictures() {
	}

	/**
	 * @param pattern one of {@link #PATTERNS}
	 * @param seed varies colours and details
	 * @return a PNG
	 */
	static byte[] png(String pattern, long seed) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		Random random = new Random(seed);
		switch (pattern) {
			case "carpet" -> carpet(g, random);
			case "kelaghayi" -> kelaghayi(g, random);
			case "copper" -> copper(g, random);
			case "ceramic-blue" -> plate(g, random, new Color(0xF4F1E8),
					new Color[] { new Color(0x1F5FA8), new Color(0x3C8DD1), new Color(0x0E3B6E), new Color(0x5FB3C9) });
			case "ceramic-brown" -> plate(g, random, new Color(0x8A4B22),
					new Color[] { new Color(0xE8B64C), new Color(0x2F6B3A), new Color(0xF2E3C2), new Color(0x5A2E14) });
			case "suzani" -> suzani(g, random);
			case "ikat" -> ikat(g, random);
			case "paper" -> paper(g, random);
			case "gold-embroidery" -> goldEmbroidery(g, random);
			case "woodcarving" -> woodcarving(g, random);
			case "jewellery" -> jewellery(g, random);
			case "textile" -> textile(g, random);
			default -> throw new IllegalArgumentException("no pattern called " + pattern);
		}
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Color pick(Random random, Color... colors) {
		return colors[random.nextInt(colors.length)];
	}

	private static void carpet(Graphics2D g, Random random) {
		Color field = pick(random, new Color(0x9E1B1B), new Color(0x7A1F2B), new Color(0x1E3A5F), new Color(0x8C2F14));
		Color border = pick(random, new Color(0x1E3A5F), new Color(0xE6D3A3), new Color(0x2E5E3E));
		Color motif = pick(random, new Color(0xF1E4C3), new Color(0xE8B64C), new Color(0xFFFFFF));
		g.setColor(new Color(0xEDE3D1));
		g.fillRect(0, 0, SIZE, SIZE);
		for (int x = 40; x < SIZE - 40; x += 6) {
			g.setColor(new Color(0xD9CBB0));
			g.drawLine(x, 4, x, 30);
			g.drawLine(x, SIZE - 30, x, SIZE - 4);
		}
		int inset = 30;
		int[] bands = { 0, 18, 44, 58 };
		Color[] colors = { border, motif, border, field };
		for (int i = 0; i < bands.length; i++) {
			g.setColor(colors[i]);
			g.fillRect(inset + bands[i], inset + bands[i], SIZE - 2 * (inset + bands[i]),
					SIZE - 2 * (inset + bands[i]));
		}
		g.setColor(motif);
		for (int x = inset + 24; x < SIZE - inset - 24; x += 22) {
			diamond(g, x, inset + 31, 8);
			diamond(g, x, SIZE - inset - 31, 8);
			diamond(g, inset + 31, x, 8);
			diamond(g, SIZE - inset - 31, x, 8);
		}
		int centre = SIZE / 2;
		g.setColor(border);
		diamond(g, centre, centre, 110 + random.nextInt(20));
		g.setColor(motif);
		diamond(g, centre, centre, 70);
		g.setColor(field);
		diamond(g, centre, centre, 38);
		g.setColor(motif);
		g.fill(octagon(centre, centre, 16));
		int corner = 130;
		for (int[] c : new int[][] { { corner, corner }, { SIZE - corner, corner }, { corner, SIZE - corner },
				{ SIZE - corner, SIZE - corner } }) {
			g.setColor(motif);
			g.fill(octagon(c[0], c[1], 22));
			g.setColor(border);
			g.fill(octagon(c[0], c[1], 11));
		}
	}

	private static void kelaghayi(Graphics2D g, Random random) {
		Color silk = pick(random, new Color(0x2B2B2B), new Color(0x8E1B2C), new Color(0xC9A227), new Color(0x1F4E79),
				new Color(0xF2EFE6));
		Color print = silk.getRed() + silk.getGreen() + silk.getBlue() > 500 ? new Color(0x8E1B2C)
				: new Color(0xF2E3C2);
		g.setPaint(new GradientPaint(0, 0, silk.brighter(), SIZE, SIZE, silk));
		g.fillRect(0, 0, SIZE, SIZE);
		g.setColor(print);
		g.setStroke(new BasicStroke(3));
		g.drawRect(22, 22, SIZE - 44, SIZE - 44);
		g.drawRect(64, 64, SIZE - 128, SIZE - 128);
		for (int i = 0; i < 8; i++) {
			double t = 36 + i * (SIZE - 72) / 7.0;
			buta(g, t, 43, 0.6, random.nextBoolean());
			buta(g, t, SIZE - 43, 0.6, random.nextBoolean());
			buta(g, 43, t, 0.6, random.nextBoolean());
			buta(g, SIZE - 43, t, 0.6, random.nextBoolean());
		}
		buta(g, SIZE / 2.0, SIZE / 2.0, 2.2, false);
		for (int[] c : new int[][] { { 120, 120 }, { 360, 120 }, { 120, 360 }, { 360, 360 } }) {
			buta(g, c[0], c[1], 1.0, c[0] > 200);
		}
	}

	/** The buta, the paisley teardrop of Azerbaijani textiles. */
	private static void buta(Graphics2D g, double x, double y, double scale, boolean mirrored) {
		Path2D.Double drop = new Path2D.Double();
		drop.moveTo(0, 20);
		drop.curveTo(-22, 18, -20, -12, 0, -16);
		drop.curveTo(14, -18, 22, -6, 14, -22);
		drop.curveTo(30, -4, 22, 22, 0, 20);
		drop.closePath();
		AffineTransform at = new AffineTransform();
		at.translate(x, y);
		at.scale(mirrored ? -scale : scale, scale);
		g.fill(at.createTransformedShape(drop));
	}

	private static void copper(Graphics2D g, Random random) {
		g.setColor(new Color(0x2A211C));
		g.fillRect(0, 0, SIZE, SIZE);
		float[] stops = { 0f, 0.7f, 1f };
		Color[] tones = { new Color(0xF0A96B), new Color(0xB8652F), new Color(0x6E3515) };
		g.setPaint(new RadialGradientPaint(SIZE / 2f - 40, SIZE / 2f - 40, SIZE / 2f, stops, tones));
		g.fill(new Ellipse2D.Double(30, 30, SIZE - 60, SIZE - 60));
		g.setColor(new Color(0x5A2A10));
		g.setStroke(new BasicStroke(2));
		for (int r = 200; r > 30; r -= 26 + random.nextInt(10)) {
			g.draw(new Ellipse2D.Double(SIZE / 2.0 - r, SIZE / 2.0 - r, 2.0 * r, 2.0 * r));
		}
		int petals = 8 + 2 * random.nextInt(4);
		for (int i = 0; i < petals; i++) {
			AffineTransform at = AffineTransform.getRotateInstance(2 * Math.PI * i / petals, SIZE / 2.0, SIZE / 2.0);
			g.draw(at.createTransformedShape(new Ellipse2D.Double(SIZE / 2.0 - 12, SIZE / 2.0 - 150, 24, 90)));
		}
		g.setColor(new Color(255, 220, 180, 90));
		for (int i = 0; i < 400; i++) {
			double a = random.nextDouble() * 2 * Math.PI;
			double r = Math.sqrt(random.nextDouble()) * 200;
			g.fill(new Ellipse2D.Double(SIZE / 2.0 + r * Math.cos(a), SIZE / 2.0 + r * Math.sin(a), 3, 3));
		}
	}

	private static void plate(Graphics2D g, Random random, Color glaze, Color[] paints) {
		g.setColor(new Color(0xE9E4DA));
		g.fillRect(0, 0, SIZE, SIZE);
		g.setColor(new Color(0, 0, 0, 40));
		g.fill(new Ellipse2D.Double(34, 42, SIZE - 60, SIZE - 60));
		g.setColor(glaze);
		g.fill(new Ellipse2D.Double(24, 24, SIZE - 60, SIZE - 60));
		double cx = (SIZE - 12) / 2.0;
		double cy = cx;
		int rings = 3 + random.nextInt(3);
		for (int i = 0; i < rings; i++) {
			double r = 200 - i * (170.0 / rings);
			g.setColor(paints[i % paints.length]);
			g.setStroke(new BasicStroke(6 + random.nextInt(8)));
			g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
		}
		int petals = 6 + random.nextInt(7);
		g.setColor(paints[random.nextInt(paints.length)]);
		for (int i = 0; i < petals; i++) {
			AffineTransform at = AffineTransform.getRotateInstance(2 * Math.PI * i / petals, cx, cy);
			g.fill(at.createTransformedShape(new Ellipse2D.Double(cx - 14, cy - 120, 28, 80)));
		}
		g.setColor(paints[0]);
		g.fill(new Ellipse2D.Double(cx - 26, cy - 26, 52, 52));
		g.setColor(glaze);
		g.fill(new Ellipse2D.Double(cx - 10, cy - 10, 20, 20));
	}

	private static void suzani(Graphics2D g, Random random) {
		g.setColor(new Color(0xF1E7D0));
		g.fillRect(0, 0, SIZE, SIZE);
		Color red = pick(random, new Color(0xB22222), new Color(0x8B1A1A), new Color(0xC2452D));
		Color green = new Color(0x3E6B3A);
		g.setColor(green);
		g.setStroke(new BasicStroke(5));
		for (int i = 0; i < 6; i++) {
			Path2D.Double vine = new Path2D.Double();
			vine.moveTo(random.nextInt(SIZE), 0);
			vine.curveTo(random.nextInt(SIZE), 160, random.nextInt(SIZE), 320, random.nextInt(SIZE), SIZE);
			g.draw(vine);
		}
		int[][] centres = { { 140, 140 }, { 340, 140 }, { 140, 340 }, { 340, 340 }, { 240, 240 } };
		for (int[] c : centres) {
			int r = 52 + random.nextInt(20);
			g.setColor(red);
			g.fill(new Ellipse2D.Double(c[0] - r, c[1] - r, 2.0 * r, 2.0 * r));
			g.setColor(new Color(0xF1E7D0));
			g.setStroke(new BasicStroke(4));
			g.draw(new Ellipse2D.Double(c[0] - r * 0.7, c[1] - r * 0.7, r * 1.4, r * 1.4));
			g.setColor(new Color(0x1F3A5F));
			g.fill(new Ellipse2D.Double(c[0] - r * 0.3, c[1] - r * 0.3, r * 0.6, r * 0.6));
			g.setColor(red.darker());
			for (int i = 0; i < 12; i++) {
				double a = Math.PI * i / 6;
				g.fill(new Ellipse2D.Double(c[0] + (r + 8) * Math.cos(a) - 5, c[1] + (r + 8) * Math.sin(a) - 5, 10,
						10));
			}
		}
		g.setColor(green);
		for (int i = 0; i < 24; i++) {
			AffineTransform at = AffineTransform.getRotateInstance(random.nextDouble() * Math.PI, random.nextInt(SIZE),
					random.nextInt(SIZE));
			g.fill(at.createTransformedShape(new Ellipse2D.Double(0, 0, 26, 10)));
		}
	}

	private static void ikat(Graphics2D g, Random random) {
		Color[] palette = { new Color(0xD7263D), new Color(0xF4D35E), new Color(0x1B998B), new Color(0x2E294E),
				new Color(0xF46036), new Color(0xFFFFFF), new Color(0x6A0572) };
		int band = 60;
		for (int x = 0; x < SIZE; x += band) {
			g.setColor(palette[random.nextInt(palette.length)]);
			g.fillRect(x, 0, band, SIZE);
			Color motif = palette[random.nextInt(palette.length)];
			for (int y = -40; y < SIZE + 40; y += 80) {
				for (int blur = 0; blur < 6; blur++) {
					g.setColor(new Color(motif.getRed(), motif.getGreen(), motif.getBlue(), 70 + blur * 30));
					int jitter = random.nextInt(7) - 3;
					Polygon zig = new Polygon();
					zig.addPoint(x + band / 2 + jitter, y + blur);
					zig.addPoint(x + band - 4 - blur, y + 40);
					zig.addPoint(x + band / 2 + jitter, y + 80 - blur);
					zig.addPoint(x + 4 + blur, y + 40);
					g.fill(zig);
				}
			}
		}
	}

	private static void paper(Graphics2D g, Random random) {
		Color sheet = pick(random, new Color(0xF3E9D2), new Color(0xEFE2C4), new Color(0xF6F0E0));
		g.setColor(new Color(0x5B4636));
		g.fillRect(0, 0, SIZE, SIZE);
		Path2D.Double deckle = new Path2D.Double();
		deckle.moveTo(50, 40);
		for (int x = 50; x <= SIZE - 50; x += 10) {
			deckle.lineTo(x, 40 + random.nextInt(5));
		}
		for (int y = 40; y <= SIZE - 40; y += 10) {
			deckle.lineTo(SIZE - 50 + random.nextInt(5), y);
		}
		for (int x = SIZE - 50; x >= 50; x -= 10) {
			deckle.lineTo(x, SIZE - 40 - random.nextInt(5));
		}
		for (int y = SIZE - 40; y >= 40; y -= 10) {
			deckle.lineTo(50 - random.nextInt(5), y);
		}
		deckle.closePath();
		g.setColor(sheet);
		g.fill(deckle);
		g.setColor(new Color(0xC8B48C));
		for (int i = 0; i < 260; i++) {
			int x = 60 + random.nextInt(SIZE - 120);
			int y = 50 + random.nextInt(SIZE - 100);
			g.drawLine(x, y, x + random.nextInt(16) - 8, y + random.nextInt(6) - 3);
		}
		g.setColor(new Color(0x1F4E79));
		g.setStroke(new BasicStroke(3));
		g.draw(new Rectangle2D.Double(110, 110, SIZE - 220, SIZE - 220));
		g.setColor(new Color(0x8E1B2C));
		g.fill(octagon(SIZE / 2, SIZE / 2, 60));
		g.setColor(sheet);
		g.fill(octagon(SIZE / 2, SIZE / 2, 34));
		g.setColor(new Color(0xC9A227));
		g.fill(octagon(SIZE / 2, SIZE / 2, 14));
	}

	private static void goldEmbroidery(Graphics2D g, Random random) {
		Color velvet = pick(random, new Color(0x2B1B4A), new Color(0x4A0E1E), new Color(0x0F2E3D), new Color(0x1A3320));
		g.setPaint(new RadialGradientPaint(SIZE / 2f, SIZE / 2f, SIZE * 0.75f, new float[] { 0f, 1f },
				new Color[] { velvet.brighter(), velvet.darker() }));
		g.fillRect(0, 0, SIZE, SIZE);
		Color gold = new Color(0xD4AF37);
		g.setColor(gold);
		g.setStroke(new BasicStroke(3));
		int petals = 8;
		for (int ring = 0; ring < 3; ring++) {
			double r = 60 + ring * 55;
			for (int i = 0; i < petals * (ring + 1); i++) {
				double a = 2 * Math.PI * i / (petals * (ring + 1)) + ring * 0.2;
				AffineTransform at = AffineTransform.getRotateInstance(a, SIZE / 2.0, SIZE / 2.0);
				g.draw(at.createTransformedShape(new Ellipse2D.Double(SIZE / 2.0 - 9, SIZE / 2.0 - r - 22, 18, 44)));
			}
		}
		g.fill(new Ellipse2D.Double(SIZE / 2.0 - 24, SIZE / 2.0 - 24, 48, 48));
		g.setColor(new Color(0xF5E6A8));
		for (int i = 0; i < 160; i++) {
			g.fill(new Ellipse2D.Double(random.nextInt(SIZE), random.nextInt(SIZE), 2.5, 2.5));
		}
		g.setColor(gold);
		g.drawRect(16, 16, SIZE - 32, SIZE - 32);
		g.drawRect(26, 26, SIZE - 52, SIZE - 52);
	}

	private static void woodcarving(Graphics2D g, Random random) {
		Color wood = pick(random, new Color(0x9C6B3F), new Color(0x7B4B2A), new Color(0xB5834F));
		g.setColor(wood);
		g.fillRect(0, 0, SIZE, SIZE);
		g.setColor(wood.darker());
		for (int y = 0; y < SIZE; y += 7) {
			Path2D.Double grain = new Path2D.Double();
			grain.moveTo(0, y);
			grain.curveTo(160, y + random.nextInt(14) - 7, 320, y + random.nextInt(14) - 7, SIZE, y);
			g.draw(grain);
		}
		Color deep = wood.darker().darker();
		g.setStroke(new BasicStroke(7));
		int step = 80;
		for (int x = step / 2; x < SIZE; x += step) {
			for (int y = step / 2; y < SIZE; y += step) {
				g.setColor(deep);
				g.draw(star(x, y, 34, 16, 8));
				g.setColor(wood.brighter());
				g.fill(octagon(x, y, 8));
			}
		}
	}

	private static void jewellery(Graphics2D g, Random random) {
		g.setPaint(new GradientPaint(0, 0, new Color(0x1C1C24), SIZE, SIZE, new Color(0x34303F)));
		g.fillRect(0, 0, SIZE, SIZE);
		boolean gold = random.nextBoolean();
		Color metal = gold ? new Color(0xD4AF37) : new Color(0xC9CED6);
		Color stone = pick(random, new Color(0xC0392B), new Color(0x1ABC9C), new Color(0x2E86C1), new Color(0x8E44AD));
		g.setColor(metal);
		g.setStroke(new BasicStroke(14));
		g.draw(new Ellipse2D.Double(120, 130, 240, 240));
		g.setStroke(new BasicStroke(3));
		for (int i = 0; i < 16; i++) {
			double a = 2 * Math.PI * i / 16;
			g.fill(new Ellipse2D.Double(240 + 120 * Math.cos(a) - 6, 250 + 120 * Math.sin(a) - 6, 12, 12));
		}
		g.setPaint(new RadialGradientPaint(228, 108, 50, new float[] { 0f, 1f },
				new Color[] { stone.brighter().brighter(), stone.darker() }));
		g.fill(octagon(240, 120, 44));
		g.setColor(metal);
		g.draw(octagon(240, 120, 48));
		for (int i = 0; i < 5; i++) {
			int x = 150 + i * 45;
			g.setStroke(new BasicStroke(2));
			g.drawLine(x, 380, x, 420 + random.nextInt(20));
			g.fill(new Ellipse2D.Double(x - 7, 420 + random.nextInt(20), 14, 14));
		}
	}

	private static void textile(Graphics2D g, Random random) {
		Color[] palette = { new Color(0x264653), new Color(0x2A9D8F), new Color(0xE9C46A), new Color(0xF4A261),
				new Color(0xE76F51), new Color(0xF1FAEE) };
		for (int x = 0; x < SIZE; x += 20) {
			g.setColor(palette[random.nextInt(palette.length)]);
			g.fillRect(x, 0, 20, SIZE);
		}
		for (int y = 0; y < SIZE; y += 20) {
			Color c = palette[random.nextInt(palette.length)];
			g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
			g.fillRect(0, y, SIZE, 10);
		}
		g.setColor(new Color(0, 0, 0, 40));
		for (int x = 0; x < SIZE; x += 4) {
			g.drawLine(x, 0, x, SIZE);
		}
	}

	private static void diamond(Graphics2D g, int cx, int cy, int r) {
		g.fill(new Polygon(new int[] { cx, cx + r, cx, cx - r }, new int[] { cy - r, cy, cy + r, cy }, 4));
	}

	private static Polygon octagon(int cx, int cy, int r) {
		Polygon octagon = new Polygon();
		for (int i = 0; i < 8; i++) {
			double a = Math.PI / 8 + i * Math.PI / 4;
			octagon.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy + r * Math.sin(a)));
		}
		return octagon;
	}

	private static Polygon star(int cx, int cy, int outer, int inner, int points) {
		Polygon star = new Polygon();
		for (int i = 0; i < points * 2; i++) {
			double r = (i % 2 == 0) ? outer : inner;
			double a = Math.PI * i / points;
			star.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy + r * Math.sin(a)));
		}
		return star;
	}

}
