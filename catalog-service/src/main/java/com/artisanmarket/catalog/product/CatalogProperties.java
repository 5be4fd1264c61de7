package com.artisanmarket.catalog.product;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The catalogue's settings.
 *
 * @param currencies the currencies prices may be in
 * @param importMaxRows the most rows one CSV import may hold; one import is one request,
 * so this bounds how long it runs and how large its report is
 * @param importMaxSize the largest CSV body an import reads (5,000 rows with long
 * descriptions fit); the gateway lets bodies of this path through up to its upload limit
 */
@ConfigurationProperties("marketplace.catalog")
public record CatalogProperties(@DefaultValue( {
		"USD", "EUR", "AZN", "UZS" }) Set<String> currencies, @DefaultValue("5000") int importMaxRows,
		@DefaultValue("8MB") DataSize importMaxSize){

}
