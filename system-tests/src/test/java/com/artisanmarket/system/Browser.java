package com.artisanmarket.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debian's Chromium, headless, driven through its chromedriver (nothing is downloaded):
 * {@code CHROME_BINARY} and {@code CHROMEDRIVER} point elsewhere when needed.
 */
final class Browser implements AutoCloseable {

	static final Dimension PHONE = new Dimension(375, 812);

	static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		String binary = System.getenv().getOrDefault("CHROME_BINARY", "/usr/bin/chromium");
		String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
		assertThat(Path.of(binary)).as("Chromium (apt-get install -y chromium chromium-driver)").isExecutable();
		assertThat(Path.of(chromedriver)).as("chromedriver (apt-get install -y chromium-driver)").isExecutable();
		ChromeOptions options = new ChromeOptions().setBinary(binary)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--lang=en-GB", "--window-size=1280,900");
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(DESKTOP);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.baseUrl + path);
		waitForPage();
	}

	/** Waits until the UI has drawn a page (the router removes aria-busy). */
	void waitForPage() {
		waitUntil((driver) -> {
			List<WebElement> main = driver.findElements(By.cssSelector("main#main:not([aria-busy]) h1"));
			return !main.isEmpty();
		});
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return waitUntil(Duration.ofSeconds(30), condition);
	}

	<T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/**
	 * Opens a page again, once a second for up to a minute, until a condition holds: what
	 * events feed may lag by moments.
	 */
	void eventually(String path, Supplier<Boolean> condition) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			open(path);
			return condition.get();
		});
	}

	WebElement find(String css) {
		return waitUntil((driver) -> {
			List<WebElement> found = driver.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	void fill(String css, String text) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Signs out whoever was signed in, then signs the user in through the sign-in page.
	 */
	void signIn(Users.User user) {
		signOut();
		open("/signin");
		fill("#signin-email", user.email());
		fill("#signin-password", user.password());
		find("#sign-in").click();
		find("#sign-out");
	}

	/** Forgets the session (and the cart) this browser keeps. */
	void signOut() {
		open("/");
		script("localStorage.clear(); sessionStorage.clear();");
	}

	String heading() {
		return find("main h1").getText();
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	String path() {
		return (String) script("return location.pathname + location.search");
	}

	/**
	 * Screenshots the page at phone and desktop widths under {@code target/screenshots},
	 * checking on the way that the phone width needs no sideways scrolling and that every
	 * control has a label and every image a text alternative.
	 */
	void shoot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			for (Dimension size : List.of(PHONE, DESKTOP)) {
				this.driver.manage().window().setSize(size);
				waitUntil((driver) -> ((Number) script("return window.innerWidth")).intValue() <= size.getWidth());
				if (size == PHONE) {
					assertThat(((Number) script(
							"return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
						.intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
				}
				byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
				Files.write(SCREENSHOTS.resolve(name + "-" + size.getWidth() + ".png"), png);
			}
			assertAccessibleBasics(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every visible control has a label (or aria-label) and every image an alt. */
	void assertAccessibleBasics(String page) {
		Object unlabelled = script("""
				return [...document.querySelectorAll('input, select, textarea')]
				  .filter((c) => c.type !== 'hidden' && c.offsetParent !== null)
				  .filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label'))
				  .map((c) => c.outerHTML);""");
		Object withoutAlt = script("return [...document.querySelectorAll('img:not([alt])')].map((i) => i.outerHTML);");
		assertThat((List<?>) unlabelled).as(page + ": controls without a label").isEmpty();
		assertThat((List<?>) withoutAlt).as(page + ": images without alt").isEmpty();
	}

	/**
	 * Leaves what the browser last showed and said under {@code target/screenshots}, for
	 * whoever reads a failure.
	 */
	void keepEvidence(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve("last-" + name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
			StringBuilder console = new StringBuilder(String.valueOf(script("return location.href"))).append('\n');
			this.driver.manage()
				.logs()
				.get("browser")
				.forEach((
						entry) -> console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
			Files.writeString(SCREENSHOTS.resolve("last-" + name + ".log"), console);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not keep the browser's evidence: " + ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
