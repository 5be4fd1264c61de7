package com.artisanmarket.artisan.profile;

import java.net.URI;

import com.artisanmarket.artisan.stats.Ratings;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.IfMatch;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/artisans")
class ArtisanController {

	private final ArtisanProfiles profiles;

	private final Ratings ratings;

	ArtisanController(ArtisanProfiles profiles, Ratings ratings) {
		this.profiles = profiles;
		this.ratings = ratings;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The profile, at Location")
	ResponseEntity<ArtisanView> register(@Valid @RequestBody NewArtisan profile, Caller caller) {
		Artisan artisan = this.profiles.register(profile, caller);
		return ResponseEntity.created(URI.create("/api/artisans/" + artisan.id()))
			.eTag(artisan.etag())
			.body(ArtisanView.of(artisan, true, Ratings.Rating.NONE));
	}

	@GetMapping
	PageView<ArtisanView> search(@Valid ArtisanSearch search, @Valid PageRequest page, Caller caller) {
		return this.profiles.search(search, page, caller)
			.map((artisan) -> ArtisanView.of(artisan, caller.isOwnerOrAdmin(artisan.ownerId()),
					this.ratings.of(artisan.id())));
	}

	@GetMapping("/me")
	ResponseEntity<ArtisanView> mine(Caller caller) {
		return withEtag(this.profiles.mine(caller), caller);
	}

	@GetMapping("/{id}")
	ResponseEntity<ArtisanView> get(@PathVariable String id, Caller caller) {
		return withEtag(this.profiles.get(id, caller), caller);
	}

	@PutMapping("/{id}")
	ResponseEntity<ArtisanView> update(@PathVariable String id, @Valid @RequestBody NewArtisan profile,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
		return withEtag(this.profiles.update(id, profile, IfMatch.version(ifMatch, "profile"), caller), caller);
	}

	@PutMapping("/{id}/verification")
	ResponseEntity<ArtisanView> verify(@PathVariable String id, @Valid @RequestBody VerificationChange change,
			Caller caller) {
		return withEtag(this.profiles.changeVerification(id, change, caller), caller);
	}

	private ResponseEntity<ArtisanView> withEtag(Artisan artisan, Caller caller) {
		return ResponseEntity.ok()
			.eTag(artisan.etag())
			.body(ArtisanView.of(artisan, caller.isOwnerOrAdmin(artisan.ownerId()), this.ratings.of(artisan.id())));
	}

}
