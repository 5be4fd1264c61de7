package com.artisanmarket.gateway.identity;

/** The answer to a successful sign-in. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, UserView user) {

}
