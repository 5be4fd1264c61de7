package com.artisanmarket.catalog.masterclass;

/** Where a masterclass booking stands. */
enum BookingStatus {

	/** Asked for; its seats are being taken. */
	PENDING,
	/** The seats are the buyer's. */
	CONFIRMED,
	/** No seats: the class was full, closed or cancelled. */
	REJECTED,
	/** Cancelled by the buyer or with the class; the seats are free again. */
	CANCELLED,
	/** The artisan marked the buyer present. */
	ATTENDED

}
