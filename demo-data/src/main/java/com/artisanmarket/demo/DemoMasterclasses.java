package com.artisanmarket.demo;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A dozen masterclasses by the demo artisans, in their own towns (Guba, Sheki, Samarkand,
 * Bukhara, Rishtan, Margilan) and online, weeks ahead; three nearly full and some others
 * booked by the demo buyers. Written for this project; loaded through the API like
 * everything else.
 */
final class DemoMasterclasses {

	/**
	 * The classes: who teaches (their index among the demo's artisans), where and when,
	 * and the seats the demo buyers book (by buyer, in the demo's order).
	 */
	private static final List<Planned> PLANNED = List.of(new Planned(0, "Knotting a Guba carpet: the first rows",
			"Sit at a real loom and tie your first rows of Guba knots in hand-dyed wool; you take home a small sampler.",
			"Carpet weaving", 12, 180, "Asia/Baku", "IN_PERSON", "Guba", "AZ", "Workshop courtyard, Guba old town",
			List.of("az", "ru", "en"), 10, "60.00", List.of(2, 0, 0, 0)),
			new Planned(1, "Kelaghayi: printing silk with wooden blocks",
					"Print a silk square the Sheki way, with carved pear-wood blocks and madder and walnut dyes.",
					"Kelaghayi silk", 9, 150, "Asia/Baku", "IN_PERSON", "Sheki", "AZ",
					"Silk workshop by the caravanserai", List.of("az", "en"), 8, "45.00", List.of(3, 2, 2, 0)),
			new Planned(7, "Shabaka: a lattice without glue or nails",
					"Fit a small shabaka panel of walnut and coloured glass, piece by piece, the way Sheki's windows are made.",
					"Woodwork", 20, 240, "Asia/Baku", "IN_PERSON", "Sheki", "AZ", null, List.of("az", "ru"), 6, "70.00",
					List.of(0, 0, 0, 1)),
			new Planned(10, "Tekelduz on velvet: the chain stitch",
					"Learn tekelduz chain stitch on a velvet panel with a hooked needle and silk thread.", "Embroidery",
					16, 150, "Asia/Baku", "IN_PERSON", "Sheki", "AZ", null, List.of("az"), 8, "35.00",
					List.of(0, 0, 0, 0)),
			new Planned(13, "Mulberry paper from bark to sheet",
					"Strip, boil and beat mulberry bark, pull a sheet and polish it with a stone, as in Konigil.",
					"Paper making", 14, 180, "Asia/Samarkand", "IN_PERSON", "Samarkand", "UZ", "Konigil paper mill",
					List.of("uz", "ru", "en"), 12, "35.00", List.of(0, 0, 0, 2)),
			new Planned(14, "Silk knots: reading a Samarkand carpet",
					"How a silk carpet is planned, knotted and sheared, and how to tell its knots from a machine's.",
					"Carpet weaving", 25, 120, "Asia/Samarkand", "IN_PERSON", "Samarkand", "UZ", null,
					List.of("uz", "en"), 10, "40.00", List.of(0, 1, 0, 0)),
			new Planned(15, "Zardozi: gold thread on velvet",
					"Couch gold thread over a card pattern on velvet, the Bukhara court embroidery.", "Gold embroidery",
					10, 180, "Asia/Samarkand", "IN_PERSON", "Bukhara", "UZ", "Near the Lyabi-Hauz", List.of("uz", "ru"),
					8, "55.00", List.of(4, 0, 0, 3)),
			new Planned(16, "Suzani stitches for beginners",
					"Basma and yurma stitches on a small suzani roundel; thread, hoop and cloth provided.",
					"Suzani embroidery", 18, 180, "Asia/Samarkand", "IN_PERSON", "Bukhara", "UZ", null,
					List.of("uz", "en"), 12, "30.00", List.of(0, 0, 2, 0)),
			new Planned(17, "Ishkor blue glaze at the wheel",
					"Throw a bowl, paint it with ishkor glaze and fire it in the workshop's kiln (collected the next day).",
					"Ceramics", 11, 240, "Asia/Tashkent", "IN_PERSON", "Rishtan", "UZ", "The workshop by the old kilns",
					List.of("uz", "ru", "en"), 10, "50.00", List.of(0, 4, 5, 0)),
			new Planned(19, "Abr ikat: tying and dyeing the warp",
					"Tie a warp in abr patterns and dye it in indigo at the Yodgorlik silk factory's workshop.",
					"Ikat weaving", 22, 240, "Asia/Tashkent", "IN_PERSON", "Margilan", "UZ", "Yodgorlik silk factory",
					List.of("uz", "ru", "en"), 10, "45.00", List.of(0, 0, 0, 0)),
			new Planned(8, "Online: throwing a bowl at home",
					"A live class on throwing and trimming a bowl on a small wheel; the list of tools comes with the booking.",
					"Pottery", 8, 90, "Asia/Baku", "ONLINE", null, null, null, List.of("en", "az"), 40, "15.00",
					List.of(1, 0, 1, 1)),
			new Planned(16, "Online: drawing a suzani pattern",
					"Draw a suzani roundel with a compass and a brush, and learn what its flowers and pomegranates mean.",
					"Suzani embroidery", 13, 90, "Asia/Tashkent", "ONLINE", null, null, null, List.of("uz", "en"), 30,
					"12.00", List.of(0, 1, 0, 0)));

	private final List<DemoSeeder.Workshop> workshops;

	private final List<Api> buyers;

	DemoMasterclasses(List<DemoSeeder.Workshop> workshops, List<Api> buyers) {
		this.workshops = workshops;
		this.buyers = buyers;
	}

	/** Schedules the classes and books their seats; returns how many classes. */
	int schedule() {
		for (Planned planned : PLANNED) {
			Api artisan = this.workshops.get(planned.artisan()).account();
			ZonedDateTime start = ZonedDateTime.now(ZoneId.of(planned.timeZone()))
				.plusDays(planned.inDays())
				.withHour(10)
				.truncatedTo(ChronoUnit.HOURS);
			JsonNode created = artisan.post("/api/masterclasses",
					Api.body("title", planned.title(), "description", planned.description(), "craft", planned.craft(),
							"startsAt", start.toOffsetDateTime().toString(), "durationMinutes", planned.minutes(),
							"timeZone", planned.timeZone(), "format", planned.format(), "city", planned.city(),
							"country", planned.country(), "address", planned.address(), "languages",
							planned.languages(), "seats", planned.seats(), "price",
							Map.of("amount", planned.price(), "currency", "USD")),
					201);
			if (created == null) {
				continue;
			}
			String id = created.path("id").asString();
			for (int b = 0; b < this.buyers.size() && b < planned.booked().size(); b++) {
				if (planned.booked().get(b) > 0) {
					this.buyers.get(b).book(id, planned.booked().get(b));
				}
			}
		}
		return PLANNED.size();
	}

	private record Planned(int artisan, String title, String description, String craft, int inDays, int minutes,
			String timeZone, String format, String city, String country, String address, List<String> languages,
			int seats, String price, List<Integer> booked) {

	}

}
