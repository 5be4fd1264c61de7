package com.artisanmarket.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway lets in.
 *
 * @param maxBodySize the largest request body, for JSON
 * @param maxUploadSize the largest request body of an image upload or a CSV import
 * @param allowedOrigins other origins whose pages may call the API (CORS); none by
 * default, so only the marketplace's own pages can
 */
@ConfigurationProperties("marketplace.gateway.edge")
record EdgeProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("10MB") DataSize maxUploadSize,
		@DefaultValue List<String> allowedOrigins) {

}
