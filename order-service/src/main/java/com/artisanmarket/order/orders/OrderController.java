package com.artisanmarket.order.orders;

import java.net.URI;

import com.artisanmarket.events.ProblemTypes;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.IdempotencyKey;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderPlacement placement;

	private final Orders orders;

	private final OrderListing listing;

	OrderController(OrderPlacement placement, Orders orders, OrderListing listing) {
		this.placement = placement;
		this.orders = orders;
		this.listing = listing;
	}

	@PostMapping
	@ApiResponse(responseCode = "202",
			description = "The order, PENDING until the saga confirms or rejects it; at Location")
	ResponseEntity<OrderView> place(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody NewOrder order, Caller buyer) {
		Order placed = this.placement.place(order, IdempotencyKey.required(idempotencyKey, "checkout"), buyer);
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + placed.id()))
			.body(OrderView.of(placed, buyer));
	}

	@GetMapping
	PageView<OrderView> list(@RequestParam(required = false) OrderStatus status, @Valid PageRequest page,
			Caller caller) {
		return this.listing.list(status, page, caller).map((order) -> OrderView.of(order, caller));
	}

	@GetMapping("/{id}")
	OrderView get(@PathVariable String id, Caller caller) {
		return OrderView.of(this.orders.get(id, caller), caller);
	}

	@PostMapping("/{id}/cancel")
	OrderView cancel(@PathVariable String id, @RequestBody(required = false) @Valid Reason reason, Caller caller) {
		return OrderView.of(this.orders.take(id, caller,
				(order, now) -> order.cancel(caller, (reason != null) ? reason.reason() : null, now)), caller);
	}

	@PostMapping("/{id}/shipments")
	OrderView ship(@PathVariable String id, @RequestBody(required = false) @Valid ShipmentRequest shipment,
			Caller caller) {
		return OrderView.of(
				this.orders.take(id, caller,
						(order, now) -> order.ship(caller, (shipment != null) ? shipment.trackingRef() : null, now)),
				caller);
	}

	/**
	 * An artisan with lines in the order refuses it. The reason is checked after the
	 * caller's right to the order, so that another artisan learns nothing from a 400.
	 */
	@PostMapping("/{id}/decline")
	OrderView decline(@PathVariable String id, @RequestBody(required = false) Reason reason, Caller artisan) {
		return OrderView.of(
				this.orders.take(id, artisan,
						(order, now) -> order.decline(artisan, (reason != null) ? reason.reason() : null, now)),
				artisan);
	}

	@PostMapping("/{id}/delivery")
	OrderView deliver(@PathVariable String id, Caller caller) {
		return OrderView.of(this.orders.take(id, caller, (order, now) -> order.deliver(caller, now)), caller);
	}

	@ExceptionHandler(UnprocessableOrderException.class)
	ProblemDetail unprocessable(UnprocessableOrderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(ProblemTypes.UNPROCESSABLE);
		problem.setTitle("Order cannot be placed");
		problem.setProperty("lines", ex.lines());
		return problem;
	}

	@ExceptionHandler(OrderLimitException.class)
	ProblemDetail overLimit(OrderLimitException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(ProblemTypes.ORDER_LIMIT);
		problem.setTitle("Order limit reached");
		problem.setProperty("limit", ex.limit());
		problem.setProperty("maximum", ex.maximum());
		problem.setProperty("open", ex.open());
		problem.setProperty("requested", ex.requested());
		if (ex.productId() != null) {
			problem.setProperty("productId", ex.productId());
		}
		return problem;
	}

	/**
	 * @param reason why the order is cancelled or declined, if the caller says (declining
	 * needs one)
	 */
	record Reason(@Size(max = 500) String reason) {

	}

	/**
	 * @param trackingRef the carrier's reference, if any
	 */
	record ShipmentRequest(@Size(max = 100) String trackingRef) {

	}

}
