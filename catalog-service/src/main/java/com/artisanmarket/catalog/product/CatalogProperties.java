package com.artisanmarket.catalog.product;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalogue's settings.
 *
 * @param currencies the currencies prices may be in
 */
@ConfigurationProperties("marketplace.catalog")
record CatalogProperties(@DefaultValue( {
		"USD", "EUR", "AZN", "UZS" }) Set<String> currencies){

}
