package com.artisanmarket.gateway.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sign-in attempt. */
record Credentials(@Schema(example = "buyer@demo.artisan-marketplace.local") @NotBlank @Size(max = 254) String email,
		@Schema(example = "handmade-demo-2026") @NotBlank @Size(max = 1024) String password) {

	/** A space pasted around an email is not part of it. */
	Credentials {
		email = (email != null) ? email.trim() : null;
	}

	@Override
	public String toString() {
		return "Credentials[email=" + this.email + "]";
	}

}
