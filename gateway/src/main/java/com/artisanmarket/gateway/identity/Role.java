package com.artisanmarket.gateway.identity;

/** What an account may do. */
enum Role {

	BUYER, ARTISAN, ADMIN

}
