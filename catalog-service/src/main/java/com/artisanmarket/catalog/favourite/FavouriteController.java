package com.artisanmarket.catalog.favourite;

import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.PageRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A buyer's favourite products and artisans: marking is idempotent, so each call answers
 * 204 however often it is made.
 */
@RestController
class FavouriteController {

	private final Favourites favourites;

	FavouriteController(Favourites favourites) {
		this.favourites = favourites;
	}

	@GetMapping("/api/me/favourites")
	FavouritesView list(@Valid PageRequest page, Caller caller) {
		return this.favourites.list(caller.accountId(), page);
	}

	@PutMapping("/api/me/favourites/products/{productId}")
	@ApiResponse(responseCode = "204", description = "Among the caller's favourites")
	ResponseEntity<Void> addProduct(@PathVariable String productId, Caller caller) {
		this.favourites.addProduct(caller.accountId(), productId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/me/favourites/products/{productId}")
	@ApiResponse(responseCode = "204", description = "Not among the caller's favourites")
	ResponseEntity<Void> removeProduct(@PathVariable String productId, Caller caller) {
		this.favourites.removeProduct(caller.accountId(), productId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/me/favourites/artisans/{artisanId}")
	@ApiResponse(responseCode = "204", description = "Among the caller's favourites")
	ResponseEntity<Void> addArtisan(@PathVariable String artisanId, Caller caller) {
		this.favourites.addArtisan(caller.accountId(), artisanId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/me/favourites/artisans/{artisanId}")
	@ApiResponse(responseCode = "204", description = "Not among the caller's favourites")
	ResponseEntity<Void> removeArtisan(@PathVariable String artisanId, Caller caller) {
		this.favourites.removeArtisan(caller.accountId(), artisanId);
		return ResponseEntity.noContent().build();
	}

}
