package com.artisanmarket.gateway.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sign-up. {@link Accounts#register} adds the rules that span fields.
 *
 * @param email the account's email
 * @param password at least 10 characters and at most 72 bytes (bcrypt's limit), not the
 * email
 * @param displayName the name others see
 * @param role BUYER or ARTISAN; admins are not made by signing up
 */
record Registration(@Schema(example = "malika@example.com") @NotBlank @Email @Size(max = 254) String email,
		@Schema(example = "a long passphrase") @NotNull @Size(min = 10, max = 72) String password,
		@Schema(example = "Malika Tursunova") @NotBlank @Size(min = 2, max = 60) String displayName,
		@NotNull Role role) {

	/** A space pasted around an email is not part of it. */
	Registration {
		email = (email != null) ? email.trim() : null;
	}

	@Override
	public String toString() {
		return "Registration[email=" + this.email + ", role=" + this.role + "]";
	}

}
