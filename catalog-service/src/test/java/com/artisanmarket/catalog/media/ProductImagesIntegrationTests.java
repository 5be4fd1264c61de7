package com.artisanmarket.catalog.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
		assertThat(served.body()).isEqualTo(png);
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
		HttpResponse<String> created = Http
			.postJson(url("/api/products"),
					Http.toJson(Map.of("title", "Blue bowl", "category", "CERAMICS", "price",
							Map.of("amount", "30.00", "currency", "UZS"), "stock", 2)),
					Map.of("Authorization", bearer));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
