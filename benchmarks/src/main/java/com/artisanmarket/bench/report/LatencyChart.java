package com.artisanmarket.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

import javax.imageio.ImageIO;

/**
 * Latency against offered order rate as a PNG, drawn with Java2D:
 * {@code POST /api/orders} p50 and p99 and placed→CONFIRMED p50 and p99, on a logarithmic
 * millisecond axis so that a 5 ms median and a 5 s tail both stay readable. Steps that
 * were not sustained are marked on the rate axis.
 */
public final class LatencyChart {

	private static final int WIDTH = 960;

	private static final int HEIGHT = 600;

	private static final int LEFT = 80;

	private static final int RIGHT = 250;

	private static final int TOP = 60;

	private static final int BOTTOM = 70;

	private static final Color POST = new Color(0x1f77b4);

	private static final Color CONFIRMED = new Color(0xd95f02);

	private LatencyChart() {
	}

	public static void write(List<StepResult> steps, Path file) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			new Plot(g, steps).draw();
		}
		finally {
			g.dispose();
		}
		try {
			ImageIO.write(image, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Series(String name, Color color, Stroke stroke, ToLongFunction<StepResult> millis,
			ToLongFunction<StepResult> count) {

	}

	private static final class Plot {

		private final Graphics2D g;

		private final List<StepResult> steps;

		private final List<Series> series;

		private final double maxRate;

		private final int lowDecade;

		private final int highDecade;

		Plot(Graphics2D g, List<StepResult> steps) {
			this.g = g;
			this.steps = steps;
			Stroke solid = new BasicStroke(2.5f);
			Stroke dashed = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] { 8, 6 },
					0);
			this.series = List.of(
					new Series("POST /api/orders p50", POST, solid, (s) -> s.post().p50(), (s) -> s.post().count()),
					new Series("POST /api/orders p99", POST, dashed, (s) -> s.post().p99(), (s) -> s.post().count()),
					new Series("placed→CONFIRMED p50", CONFIRMED, solid, (s) -> s.placedToConfirmed().p50(),
							(s) -> s.placedToConfirmed().count()),
					new Series("placed→CONFIRMED p99", CONFIRMED, dashed, (s) -> s.placedToConfirmed().p99(),
							(s) -> s.placedToConfirmed().count()));
			this.maxRate = steps.stream().mapToInt(StepResult::offeredRate).max().orElse(1) * 1.08;
			long smallest = Long.MAX_VALUE;
			long largest = 1;
			for (StepResult step : steps) {
				for (Series line : this.series) {
					if (line.count().applyAsLong(step) > 0) {
						long value = Math.max(1, line.millis().applyAsLong(step));
						smallest = Math.min(smallest, value);
						largest = Math.max(largest, value);
					}
				}
			}
			this.lowDecade = (smallest == Long.MAX_VALUE) ? 0 : (int) Math.floor(Math.log10(smallest));
			this.highDecade = Math.max(this.lowDecade + 1, (int) Math.ceil(Math.log10(largest)));
		}

		void draw() {
			this.g.setColor(Color.BLACK);
			this.g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
			this.g.drawString("Order latency against offered rate", LEFT, 34);
			axes();
			for (Series line : this.series) {
				line(line);
			}
			legend();
		}

		private void axes() {
			int right = WIDTH - RIGHT;
			int bottom = HEIGHT - BOTTOM;
			this.g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			for (int decade = this.lowDecade; decade <= this.highDecade; decade++) {
				for (int factor = 1; factor < 10; factor++) {
					double value = factor * Math.pow(10, decade);
					if (decade == this.highDecade && factor > 1) {
						break;
					}
					int y = y(value);
					this.g.setColor((factor == 1) ? new Color(0xcccccc) : new Color(0xeeeeee));
					this.g.drawLine(LEFT, y, right, y);
					boolean labelled = factor == 1
							|| (this.highDecade - this.lowDecade <= 2 && (factor == 2 || factor == 5));
					if (labelled) {
						this.g.setColor(Color.DARK_GRAY);
						String label = (value >= 1000) ? Math.round(value / 1000) + " s" : Math.round(value) + " ms";
						this.g.drawString(label, LEFT - 10 - this.g.getFontMetrics().stringWidth(label), y + 5);
					}
				}
			}
			this.g.setColor(Color.DARK_GRAY);
			this.g.drawLine(LEFT, TOP, LEFT, bottom);
			this.g.drawLine(LEFT, bottom, right, bottom);
			for (StepResult step : this.steps) {
				int x = x(step.offeredRate());
				this.g.drawLine(x, bottom, x, bottom + 5);
				String label = Integer.toString(step.offeredRate());
				this.g.setColor(step.sustained() ? Color.DARK_GRAY : new Color(0xc62828));
				this.g.drawString(step.sustained() ? label : label + " ✗",
						x - this.g.getFontMetrics().stringWidth(label) / 2, bottom + 22);
				this.g.setColor(Color.DARK_GRAY);
			}
			String axis = "offered orders per second (✗: not sustained)";
			this.g.drawString(axis, LEFT + (right - LEFT - this.g.getFontMetrics().stringWidth(axis)) / 2, bottom + 50);
		}

		private void line(Series line) {
			Path2D path = new Path2D.Double();
			boolean started = false;
			this.g.setColor(line.color());
			for (StepResult step : this.steps) {
				if (line.count().applyAsLong(step) == 0) {
					continue;
				}
				int x = x(step.offeredRate());
				int y = y(Math.max(1, line.millis().applyAsLong(step)));
				if (started) {
					path.lineTo(x, y);
				}
				else {
					path.moveTo(x, y);
					started = true;
				}
				this.g.fillOval(x - 4, y - 4, 8, 8);
			}
			this.g.setStroke(line.stroke());
			this.g.draw(path);
			this.g.setStroke(new BasicStroke(1));
		}

		private void legend() {
			int x = WIDTH - RIGHT + 20;
			int y = TOP + 10;
			this.g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			for (Series line : this.series) {
				this.g.setColor(line.color());
				this.g.setStroke(line.stroke());
				this.g.drawLine(x, y, x + 36, y);
				this.g.setStroke(new BasicStroke(1));
				this.g.setColor(Color.BLACK);
				this.g.drawString(line.name(), x + 44, y + 5);
				y += 24;
			}
			this.g.setColor(Color.DARK_GRAY);
			this.g.drawString("ms, logarithmic; server", x, y + 10);
			this.g.drawString("timestamps for CONFIRMED", x, y + 26);
		}

		private int x(double rate) {
			return LEFT + (int) Math.round(rate / this.maxRate * (WIDTH - RIGHT - LEFT));
		}

		private int y(double millis) {
			double position = (Math.log10(millis) - this.lowDecade) / (this.highDecade - this.lowDecade);
			return HEIGHT - BOTTOM - (int) Math.round(position * (HEIGHT - BOTTOM - TOP));
		}

	}

}
