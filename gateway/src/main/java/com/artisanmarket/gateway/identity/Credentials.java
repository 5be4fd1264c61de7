package com.artisanmarket.gateway.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sign-in attempt. */
record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

	/** A space pasted around an email is not part of it. */
	Credentials {
		email = (email != null) ? email.trim() : null;
	}

	@Override
	public String toString() {
		return "Credentials[email=" + this.email + "]";
	}

}
