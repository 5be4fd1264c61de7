package com.artisanmarket.catalog.masterclass;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.events.ProblemTypes;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.security.SignedInName;
import com.artisanmarket.support.web.IdempotencyKey;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Masterclasses and the bookings of their seats. */
@RestController
class MasterclassController {

	private static final String NAMELESS = "A buyer";

	private final Masterclasses masterclasses;

	private final Bookings bookings;

	private final BookingCalendar calendar;

	private final ArtisanSnapshots artisans;

	MasterclassController(Masterclasses masterclasses, Bookings bookings, BookingCalendar calendar,
			ArtisanSnapshots artisans) {
		this.masterclasses = masterclasses;
		this.bookings = bookings;
		this.calendar = calendar;
		this.artisans = artisans;
	}

	@PostMapping("/api/masterclasses")
	@ApiResponse(responseCode = "201", description = "The class, at Location")
	ResponseEntity<MasterclassView> create(@Valid @RequestBody NewMasterclass request, Caller caller,
			@Parameter(hidden = true) @RequestHeader("Authorization") String authorization) {
		Masterclass created = this.masterclasses.create(request, caller, authorization);
		return ResponseEntity.created(URI.create("/api/masterclasses/" + created.id()))
			.body(this.masterclasses.view(created));
	}

	@GetMapping("/api/masterclasses")
	PageView<MasterclassView> list(@RequestParam(required = false) String city,
			@RequestParam(required = false) String country, @RequestParam(required = false) String craft,
			@RequestParam(required = false) String language,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) String artisanId, @RequestParam(required = false) Masterclass.Format format,
			@RequestParam(required = false) Masterclass.Status status, @Valid PageRequest page) {
		MasterclassFilter filter = new MasterclassFilter(status, (from != null) ? from.toInstant() : null,
				(to != null) ? to.toInstant() : null, artisanId, format, country, city, craft, language);
		PageView<Masterclass> found = this.masterclasses.list(filter, page);
		List<MasterclassView> views = this.masterclasses.views(found.items());
		return new PageView<>(views, found.page(), found.size(), found.totalItems(), found.totalPages());
	}

	@GetMapping("/api/masterclasses/{id}")
	MasterclassView get(@PathVariable String id) {
		return this.masterclasses.view(this.masterclasses.get(id));
	}

	@PutMapping("/api/masterclasses/{id}")
	MasterclassView update(@PathVariable String id, @Valid @RequestBody NewMasterclass request, Caller caller) {
		return this.masterclasses.view(this.masterclasses.update(id, request, caller));
	}

	@PostMapping("/api/masterclasses/{id}/cancel")
	MasterclassView cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request, Caller caller) {
		Masterclass cancelled = this.masterclasses.cancel(id, request.reason().strip(), caller);
		this.bookings.cancelWith(cancelled);
		return this.masterclasses.view(this.masterclasses.get(id));
	}

	@PostMapping("/api/masterclasses/{id}/bookings")
	@ApiResponse(responseCode = "201", description = "The booking, CONFIRMED or REJECTED; at Location")
	@ApiResponse(responseCode = "202", description = "The booking, still PENDING: follow Location")
	ResponseEntity<BookingView> book(@PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody BookingRequest request, Caller caller) {
		Booking booking = this.bookings.book(id, request.seats(), IdempotencyKey.required(idempotencyKey, "booking"),
				caller, SignedInName.current().orElse(NAMELESS));
		URI location = URI.create("/api/bookings/" + booking.id());
		BookingView view = view(booking);
		return (booking.status() == BookingStatus.PENDING) ? ResponseEntity.accepted().location(location).body(view)
				: ResponseEntity.created(location).body(view);
	}

	@GetMapping("/api/masterclasses/{id}/bookings")
	List<BookingView> attendees(@PathVariable String id, Caller caller) {
		return views(this.bookings.attendees(id, caller));
	}

	@GetMapping("/api/bookings")
	PageView<BookingView> mine(@Valid PageRequest page, Caller caller) {
		PageView<Booking> found = this.bookings.mine(caller, page);
		return new PageView<>(views(found.items()), found.page(), found.size(), found.totalItems(), found.totalPages());
	}

	@GetMapping("/api/bookings/{id}")
	BookingView booking(@PathVariable String id, Caller caller) {
		return view(this.bookings.visible(id, caller));
	}

	@PostMapping("/api/bookings/{id}/cancel")
	BookingView cancelBooking(@PathVariable String id, Caller caller) {
		return view(this.bookings.cancel(id, caller));
	}

	@PostMapping("/api/bookings/{id}/attendance")
	BookingView attend(@PathVariable String id, Caller caller) {
		return view(this.bookings.attend(id, caller));
	}

	@GetMapping(path = "/api/bookings/{id}/calendar.ics", produces = "text/calendar")
	@ApiResponse(responseCode = "200", description = "An iCalendar file with the class as one event")
	ResponseEntity<String> calendar(@PathVariable String id, Caller caller) {
		Booking booking = this.bookings.visible(id, caller);
		if (!booking.buyerId().equals(caller.accountId())) {
			throw new NotFoundException("booking", id);
		}
		Masterclass masterclass = this.masterclasses.get(booking.masterclassId());
		String ics = this.calendar.ics(booking, masterclass, this.artisans.find(masterclass.artisanId()).orElse(null));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"masterclass-" + booking.id() + ".ics\"")
			.body(ics);
	}

	@ExceptionHandler(ReusedKeyException.class)
	ProblemDetail reusedKey(ReusedKeyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(ProblemTypes.UNPROCESSABLE);
		problem.setTitle("Booking cannot be made");
		return problem;
	}

	private BookingView view(Booking booking) {
		return views(List.of(booking)).getFirst();
	}

	private List<BookingView> views(List<Booking> bookings) {
		Map<String, Optional<MasterclassView>> classes = new HashMap<>();
		return bookings.stream()
			.map((booking) -> BookingView.of(booking,
					classes
						.computeIfAbsent(booking.masterclassId(),
								(id) -> Optional.ofNullable(this.masterclasses.find(id)).map(this.masterclasses::view))
						.orElse(null)))
			.toList();
	}

	/**
	 * @param reason why, for the buyers who booked
	 */
	record CancelRequest(@NotBlank @Size(max = 500) String reason) {

	}

	/**
	 * @param seats 1 to 10
	 */
	record BookingRequest(@NotNull @Min(1) @Max(10) Integer seats) {

	}

}
