package com.artisanmarket.catalog.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 5: an artisan keeps at most so many photos and bytes, so uploading again
 * and again cannot fill the disk; a deleted photo makes room again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "marketplace.catalog.images.max-images-per-artisan=2",
				"marketplace.catalog.images.max-bytes-per-artisan=200KB" })
@Import(InfrastructureTestConfiguration.class)
class ImageQuotaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Autowired
	OrphanImages orphans;

	@Autowired
	ImageSettings settings;

	@Autowired
	Clock clock;

	@Test
	void refusesThePhotoBeyondTheArtisansCountUntilOneIsDeleted() throws Exception {
		Artisan maker = artisan();
		String first = product(maker);
		String second = product(maker);
		String kept = upload(maker, first, png(8));
		upload(maker, second, png(8));

		HttpResponse<String> third = postPng(maker, second, png(8));

		assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
		assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(third).path("detail").asString()).contains("at most 2 photos");
		assertThat(Http.json(Http.get(url("/api/products/" + second))).path("images").size()).isOne();

		HttpResponse<String> edited = Http.putJson(url("/api/products/" + second), productJson(List.of()),
				maker.auth());
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		this.orphans.sweep(this.clock.instant().plus(this.settings.orphanGrace()).plus(Duration.ofMinutes(1)));

		assertThat(postPng(maker, second, png(8)).statusCode()).isEqualTo(201);
		assertThat(Http.get(url(kept)).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAPhotoThatWouldTakeTheArtisanBeyondTheirBytes() throws Exception {
		Artisan maker = artisan();
		String product = product(maker);
		byte[] large = png(400);
		assertThat(large.length).as("a PNG of noise larger than the quota").isGreaterThan(200 * 1024);

		HttpResponse<String> response = postPng(maker, product, large);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("images").size()).isZero();
	}

	@Test
	void countsEachArtisanOnTheirOwn() throws Exception {
		Artisan busy = artisan();
		String theirs = product(busy);
		upload(busy, theirs, png(8));
		upload(busy, theirs, png(8));
		Artisan other = artisan();

		HttpResponse<String> response = postPng(other, product(other), png(8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private String upload(Artisan maker, String product, byte[] png) {
		HttpResponse<String> uploaded = postPng(maker, product, png);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return Http.json(uploaded).path("url").asString();
	}

	private HttpResponse<String> postPng(Artisan maker, String product, byte[] png) {
		return Http.postFile(url("/api/products/" + product + "/images"), "file", "photo.png", "image/png", png,
				maker.auth());
	}

	/** A square PNG of noise, which PNG cannot make much smaller. */
	private static byte[] png(int size) throws Exception {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(size);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private String product(Artisan maker) {
		HttpResponse<String> created = Http.postJson(url("/api/products"), productJson(List.of()), maker.auth());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private static String productJson(List<String> images) {
		return Http.toJson(Map.of("title", "Silver earrings", "category", "JEWELRY", "price",
				Map.of("amount", "45.00", "currency", "EUR"), "stock", 1, "images", images));
	}

	private Artisan artisan() {
		return KnownArtisans.register(this.kafka, this.snapshots, "Quota Silver " + UUID.randomUUID(), "Bukhara", "UZ",
				Status.VERIFIED);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
