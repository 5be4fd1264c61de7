package com.artisanmarket.gateway.ui;

import java.net.http.HttpResponse;
import java.util.Map;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class WebUiIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/search?q=carpet", "/products/p-1", "/artisans/a-1", "/cart", "/checkout",
			"/favourites", "/orders", "/orders/o-1", "/signin?next=/cart", "/signup", "/studio", "/studio/profile",
			"/studio/products", "/studio/products/new", "/studio/orders?status=CONFIRMED", "/studio/stats",
			"/studio/reviews", "/admin", "/admin/artisans?status=PENDING", "/admin/orders",
			"/admin/reviews?status=HIDDEN", "/masterclasses?city=Bukhara", "/masterclasses/m-1", "/bookings",
			"/studio/masterclasses", "/studio/masterclasses/new", "/admin/masterclasses?status=CANCELLED", "/messages",
			"/messages/c-1", "/studio/messages", "/admin/conversations" })
	void answersTheUiPageOnEveryUiPath(String path) {
		HttpResponse<String> response = Http.get(url(path));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(response.body()).contains("<script type=\"module\" src=\"/ui/js/main.js\"></script>");
	}

	@Test
	void servesTheModulesAsJavaScriptThatBrowsersRevalidate() {
		HttpResponse<String> module = Http.get(url("/ui/js/main.js"));
		HttpResponse<String> dictionary = Http.get(url("/ui/i18n/az.json"));

		assertThat(module.statusCode()).isEqualTo(200);
		assertThat(module.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(module.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(module.headers().firstValue("Last-Modified")).isPresent();
		assertThat(Http.json(dictionary).path("brand.name").asString()).isNotBlank();
		HttpResponse<String> unchanged = Http.get(url("/ui/js/main.js"),
				Map.of("If-Modified-Since", module.headers().firstValue("Last-Modified").orElseThrow()));
		assertThat(unchanged.statusCode()).isEqualTo(304);
	}

	@Test
	void leavesOtherPathsAlone() {
		assertThat(Http.get(url("/nowhere")).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/products")).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/api/auth/me")).statusCode()).isEqualTo(401);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
