package com.artisanmarket.system;

import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class against the marketplace: after each test it keeps
 * what the browser showed and said (for whoever reads a failure) and forgets the session
 * and cart, so no test starts signed in or with another's cart. Runs after the class's
 * own {@code @AfterEach}.
 */
final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private final MarketplaceStack marketplace;

	private Browser browser;

	BrowserSession(MarketplaceStack marketplace) {
		this.marketplace = marketplace;
	}

	Browser browser() {
		return this.browser;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.browser = new Browser(this.marketplace.gatewayUrl());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.browser.keepEvidence(context.getRequiredTestMethod().getName());
		this.browser.open("/");
		this.browser.script("localStorage.clear(); sessionStorage.clear();");
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.browser.close();
	}

}
