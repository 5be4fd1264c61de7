package com.artisanmarket.artisan.profile;

import java.net.URI;

import com.artisanmarket.support.security.Caller;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/artisans")
class ArtisanController {

	private final ArtisanProfiles profiles;

	ArtisanController(ArtisanProfiles profiles) {
		this.profiles = profiles;
	}

	@PostMapping
	ResponseEntity<ArtisanView> register(@Valid @RequestBody NewArtisan profile, Caller caller) {
		Artisan artisan = this.profiles.register(profile, caller);
		return ResponseEntity.created(URI.create("/api/artisans/" + artisan.id())).body(ArtisanView.of(artisan));
	}

	@GetMapping("/{id}")
	ArtisanView get(@PathVariable String id) {
		return ArtisanView.of(this.profiles.get(id));
	}

}
