package com.artisanmarket.catalog.product;

/** Whether a product is for sale. */
public enum ProductStatus {

	ACTIVE, ARCHIVED

}
