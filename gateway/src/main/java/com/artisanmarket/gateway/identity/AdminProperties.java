package com.artisanmarket.gateway.identity;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ADMIN account created at start when missing ({@code MARKETPLACE_ADMIN_EMAIL},
 * {@code MARKETPLACE_ADMIN_PASSWORD}).
 *
 * @param email the admin's email
 * @param password the admin's password; when empty, one is generated and written to
 * {@code passwordFile}
 * @param passwordFile where a generated password is written, readable only by its owner
 */
@ConfigurationProperties("marketplace.admin")
record AdminProperties(@DefaultValue("admin@artisan-marketplace.local") String email, String password,
		Path passwordFile) {

}
