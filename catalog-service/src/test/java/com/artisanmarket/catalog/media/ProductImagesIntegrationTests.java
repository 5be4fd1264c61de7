package com.artisanmarket.catalog.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ProductImagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Autowired
	ImageSettings settings;

	@Autowired
	DecodePermits decodePermits;

	@Autowired
	OrphanImages orphans;

	@Autowired
	Clock clock;

	@Test
	void storesAnImageRecognisedByItsContentAndServesItWithCaching() throws Exception {
		String owner = artisan();
		String product = product(owner);
		byte[] png = png();

		HttpResponse<String> uploaded = upload(product, "photo.png", "image/png", png, owner);

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String url = Http.json(uploaded).path("url").asString();
		assertThat(url).startsWith("/media/");
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("images").toString())
			.isEqualTo("[\"" + url + "\"]");
		HttpResponse<byte[]> served = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(url))).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.body()));
		assertThat(stored.getWidth()).isEqualTo(8);
		assertThat(stored.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0x1E6FB8);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000").contains("immutable"));
	}

	@Test
	void showsAnUploadedImageInTheListings() throws Exception {
		String owner = artisan();
		String product = product(owner);
		String url = Http.json(upload(product, "photo.png", "image/png", png(), owner)).path("url").asString();

		String artisanId = Http.json(Http.get(url("/api/products/" + product))).path("artisanId").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(url("/api/products?artisanId=" + artisanId)))
				.path("items")
				.path(0)
				.path("images")
				.toString(), ("[\"" + url + "\"]")::equals);
	}

	@Test
	void refusesAFileNamedPngThatIsNotAnImage() throws Exception {
		String owner = artisan();
		String product = product(owner);

		HttpResponse<String> response = upload(product, "photo.png", "image/png",
				"<html>not a picture</html>".getBytes(StandardCharsets.UTF_8), owner);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("images").size()).isZero();
	}

	@Test
	void keepsNeitherExifWithTheGpsPositionNorBytesAppendedAfterTheImage() throws Exception {
		String owner = artisan();
		String product = product(owner);
		byte[] jpeg = withExif(jpeg(64, 48), "GPSLatitude 40.4093 N, GPSLongitude 49.8671 E");
		byte[] upload = concat(jpeg, "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
		assertThat(ImageIO.read(new ByteArrayInputStream(upload)).getWidth()).as("a readable JPEG").isEqualTo(64);

		HttpResponse<String> uploaded = upload(product, "photo.jpg", "image/jpeg", upload, owner);

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		byte[] stored = fetch(Http.json(uploaded).path("url").asString()).body();
		String storedText = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(storedText).doesNotContain("Exif").doesNotContain("GPS").doesNotContain("<script>");
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
	}

	@Test
	void refusesAFileThatOnlyStartsLikeAJpeg() throws Exception {
		String owner = artisan();
		String product = product(owner);
		byte[] fake = concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));

		HttpResponse<String> response = upload(product, "photo.jpg", "image/jpeg", fake, owner);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("images").size()).isZero();
	}

	@Test
	void refusesAnImageDeclaringMorePixelsThanAllowedBeforeDecodingIt() throws Exception {
		String owner = artisan();
		String product = product(owner);
		byte[] bomb = declaringSize(png(), 100_000, 100_000);

		HttpResponse<String> response = upload(product, "bomb.png", "image/png", bomb, owner);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("detail").asString()).contains("10000000000 pixels");
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("images").size()).isZero();
	}

	@Test
	void servesASmallerRenditionForListings() throws Exception {
		String owner = artisan();
		String product = product(owner);
		String url = Http.json(upload(product, "rug.jpg", "image/jpeg", jpeg(1600, 1200), owner))
			.path("url")
			.asString();

		HttpResponse<byte[]> original = fetch(url);
		HttpResponse<byte[]> small = fetch(url + "?size=small");

		assertThat(small.statusCode()).isEqualTo(200);
		assertThat(small.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		BufferedImage rendition = ImageIO.read(new ByteArrayInputStream(small.body()));
		assertThat(rendition.getWidth()).isEqualTo(this.settings.smallWidth());
		assertThat(rendition.getHeight()).isEqualTo(360);
		assertThat(small.body().length).isLessThan(original.body().length / 4);
		assertThat(ImageIO.read(new ByteArrayInputStream(original.body())).getWidth()).isEqualTo(1600);
	}

	@Test
	void servesTheOriginalAsTheRenditionOfAnImageNoWiderThanIt() throws Exception {
		String owner = artisan();
		String product = product(owner);
		String url = Http.json(upload(product, "photo.png", "image/png", png(), owner)).path("url").asString();

		HttpResponse<byte[]> small = fetch(url + "?size=small");

		assertThat(small.statusCode()).isEqualTo(200);
		assertThat(small.body()).isEqualTo(fetch(url).body());
	}

	@Test
	void answersBusyWithRetryAfterWhileAsManyUploadsAsAllowedAreBeingDecoded() throws Exception {
		String owner = artisan();
		String product = product(owner);
		int permits = this.settings.concurrentDecodes();
		CountDownLatch decoding = new CountDownLatch(permits);
		CountDownLatch finish = new CountDownLatch(1);
		HttpResponse<String> response;
		try (ExecutorService decodes = Executors.newFixedThreadPool(permits)) {
			for (int i = 0; i < permits; i++) {
				decodes.submit(() -> this.decodePermits.withPermit(() -> {
					decoding.countDown();
					return waitFor(finish);
				}));
			}
			try {
				decoding.await();
				response = upload(product, "photo.png", "image/png", png(), owner);
			}
			finally {
				finish.countDown();
			}
		}

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(upload(product, "photo.png", "image/png", png(), owner).statusCode()).isEqualTo(201);
	}

	@Test
	void deletesAPhotoTakenOffItsProductOnceTheGracePeriodHasPassedAndKeepsTheOneShown() throws Exception {
		String owner = artisan();
		String product = product(owner);
		String kept = Http.json(upload(product, "kept.png", "image/png", png(), owner)).path("url").asString();
		String dropped = Http.json(upload(product, "dropped.png", "image/png", png(), owner)).path("url").asString();
		HttpResponse<String> edited = Http.putJson(url("/api/products/" + product), productJson(List.of(kept)),
				Map.of("Authorization", owner));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		Instant graceEnds = this.clock.instant().plus(this.settings.orphanGrace());

		this.orphans.sweep(graceEnds.minus(Duration.ofMinutes(1)));
		assertThat(fetch(dropped).statusCode()).as("within the grace period").isEqualTo(200);

		this.orphans.sweep(graceEnds.plus(Duration.ofMinutes(1)));
		assertThat(fetch(dropped).statusCode()).isEqualTo(404);
		assertThat(fetch(dropped + "?size=small").statusCode()).isEqualTo(404);
		assertThat(fetch(kept).statusCode()).isEqualTo(200);
	}

	@Test
	void keepsAPhotoTakenOffOneProductWhileAnotherOfTheArtisansProductsShowsIt() throws Exception {
		String owner = artisan();
		String first = product(owner);
		String photo = Http.json(upload(first, "bowl.jpg", "image/jpeg", jpeg(900, 600), owner)).path("url").asString();
		HttpResponse<String> second = Http.postJson(url("/api/products"), productJson(List.of(photo)),
				Map.of("Authorization", owner));
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		HttpResponse<String> edited = Http.putJson(url("/api/products/" + first), productJson(List.of()),
				Map.of("Authorization", owner));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

		this.orphans.sweep(this.clock.instant().plus(this.settings.orphanGrace()).plus(Duration.ofMinutes(1)));

		assertThat(fetch(photo).statusCode()).isEqualTo(200);
		assertThat(fetch(photo + "?size=small").statusCode()).isEqualTo(200);
	}

	@Test
	void letsOnlyTheOwnerAddImages() throws Exception {
		String owner = artisan();
		String product = product(owner);

		HttpResponse<String> stranger = upload(product, "photo.png", "image/png", png(),
				TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"));

		assertThat(stranger.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(String product, String name, String type, byte[] content, String bearer)
			throws Exception {
		String boundary = "----marketplace" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/products/" + product + "/images")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Void waitFor(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private HttpResponse<byte[]> fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A photo-like JPEG: noise, which compresses about as badly as a photograph. */
	private static byte[] jpeg(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(17);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	/**
	 * The JPEG with an APP1 "Exif" segment holding the text, right after its SOI marker.
	 */
	private static byte[] withExif(byte[] jpeg, String text) {
		byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII),
				text.getBytes(StandardCharsets.US_ASCII));
		int length = payload.length + 2;
		byte[] segment = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length }, payload);
		return concat(concat(Arrays.copyOf(jpeg, 2), segment), Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** The PNG with its header declaring another size (and a matching checksum). */
	private static byte[] declaringSize(byte[] png, int width, int height) {
		byte[] patched = png.clone();
		ByteBuffer header = ByteBuffer.wrap(patched);
		// Signature (8), chunk length (4), "IHDR" (4), then width and height.
		header.putInt(16, width).putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(patched, 12, 4 + 13);
		header.putInt(12 + 4 + 13, (int) crc.getValue());
		return patched;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x1E6FB8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private String artisan() {
		return KnownArtisans.register(this.kafka, this.snapshots, "Rishtan Blue", "Rishtan", "UZ", Status.VERIFIED)
			.auth()
			.get("Authorization");
	}

	private String product(String bearer) {
		HttpResponse<String> created = Http.postJson(url("/api/products"), productJson(List.of()),
				Map.of("Authorization", bearer));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private static String productJson(List<String> images) {
		return Http.toJson(Map.of("title", "Blue bowl", "category", "CERAMICS", "price",
				Map.of("amount", "30.00", "currency", "UZS"), "stock", 2, "images", images));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
