package com.artisanmarket.catalog.product;

/** What kind of handicraft a product is. */
public enum Category {

	CARPETS, TEXTILES, CLOTHING, JEWELRY, CERAMICS, WOODWORK, METALWORK, PAPER, OTHER

}
