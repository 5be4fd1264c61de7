package com.artisanmarket.demo;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * {@code ./marketplace up} and {@code ./marketplace seed} call this once the marketplace
 * is ready:
 *
 * <pre>
 * demo   --gateway URL --data-dir DIR [--if-new]   the demo marketplace (once per data directory with --if-new)
 * synthetic --gateway URL --data-dir DIR --products N   N made-up products for benchmarks
 * </pre>
 *
 * The admin's credentials come from {@code MARKETPLACE_ADMIN_EMAIL} /
 * {@code MARKETPLACE_ADMIN_PASSWORD}, or the password file the gateway generated.
 */
public final class DemoData {

	static final String MARKER = "demo-data-loaded";

	private DemoData() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		Arguments arguments = Arguments.parse(args);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			switch (arguments.command()) {
				case "demo" -> demo(http, arguments);
				case "synthetic" -> new SyntheticCatalogue(http, arguments.gateway(), DemoSet.load().password())
					.run(arguments.products());
				default -> throw new IllegalArgumentException("unknown command " + arguments.command());
			}
		}
		catch (ExecutionException ex) {
			fail(ex.getCause());
		}
		catch (RuntimeException | IOException ex) {
			fail(ex);
		}
	}

	private static void fail(Throwable ex) {
		System.err.println("Demo data: " + ex.getMessage());
		System.exit(1);
	}

	private static void demo(HttpClient http, Arguments arguments) throws Exception {
		Path marker = arguments.dataDir().resolve(MARKER);
		if (arguments.ifNew()) {
			if (Files.exists(marker)) {
				System.out.println("Demo data: loaded before (" + marker + "); not loading it again.");
				return;
			}
			long products = Api.anonymous(http, arguments.gateway())
				.get("/api/products?size=1")
				.path("totalItems")
				.asLong();
			if (products > 0) {
				System.out.println("Demo data: the marketplace already holds " + products
						+ " products; not adding the demo to them.");
				return;
			}
		}
		DemoSet demo = DemoSet.load();
		System.out.printf("Loading the demo marketplace through the API (%d artisans, %d products) ...%n",
				demo.artisans().size(), demo.products().size());
		Api admin = Api.signIn(http, arguments.gateway(), adminEmail(), adminPassword(arguments.dataDir()));
		DemoSeeder.Summary summary = new DemoSeeder(http, arguments.gateway(), admin, demo).seed();
		Files.writeString(marker, Instant.now() + "\n");
		System.out.printf("Demo data loaded in %d s: %d artisans, %d products with pictures, %d orders.%n",
				summary.took().toSeconds(), summary.artisans(), summary.products(), summary.orders());
		System.out.printf("  demo buyer:   %s%n  demo artisan: %s%n  password:     %s%n", demo.buyers().get(0).email(),
				demo.artisans().get(0).email(), demo.password());
	}

	private static String adminEmail() {
		String email = System.getenv("MARKETPLACE_ADMIN_EMAIL");
		return (email == null || email.isBlank()) ? "admin@artisan-marketplace.local" : email;
	}

	private static String adminPassword(Path dataDir) throws IOException {
		String password = System.getenv("MARKETPLACE_ADMIN_PASSWORD");
		if (password != null && !password.isBlank()) {
			return password;
		}
		return Files.readString(dataDir.resolve("gateway").resolve("admin-password")).trim();
	}

	record Arguments(String command, String gateway, Path dataDir, boolean ifNew, int products) {

		static Arguments parse(String[] args) {
			if (args.length == 0) {
				throw new IllegalArgumentException(
						"usage: demo|synthetic --gateway URL --data-dir DIR [--if-new] [--products N]");
			}
			String gateway = "http://127.0.0.1:8080";
			Path dataDir = Path.of(".data");
			boolean ifNew = false;
			int products = 0;
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--gateway" -> gateway = args[++i].replaceAll("/+$", "");
					case "--data-dir" -> dataDir = Path.of(args[++i]);
					case "--if-new" -> ifNew = true;
					case "--products" -> products = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (args[0].equals("synthetic") && products <= 0) {
				throw new IllegalArgumentException("synthetic needs --products N (N > 0)");
			}
			return new Arguments(args[0], gateway, dataDir, ifNew, products);
		}

	}

}
