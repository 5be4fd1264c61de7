package com.artisanmarket.catalog.search;

import java.util.Arrays;
import java.util.List;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.catalog.review.RatingView;
import com.artisanmarket.events.ArtisanEvent;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that knows how a product and a maker become Lucene documents: exact
 * fields for filters, doc values for sorting and facets, folded text for search, and the
 * product itself as stored JSON so that a listing needs no database read.
 */
final class ProductDocuments {

	static final String ID = "id";

	static final String KIND = "kind";

	static final String PRODUCT = "product";

	static final String MAKER = "maker";

	/**
	 * {@code yes} for a product anyone may see: for sale, by an artisan not suspended.
	 */
	static final String VISIBLE = "visible";

	static final String ARTISAN_ID = "artisanId";

	static final String CATEGORY = "category";

	static final String COUNTRY = "country";

	static final String CRAFT = "craft";

	static final String CURRENCY = "currency";

	static final String PRICE = "price";

	static final String STOCK = "stock";

	static final String CREATED_AT = "createdAt";

	/**
	 * A number per product id, the listings' last sort key: a string tie-break made
	 * Lucene look the id up in its terms dictionary for every competitive hit, and with
	 * products indexed oldest first and listed newest first every hit is competitive.
	 */
	static final String ID_ORDER = "idOrder";

	/** The average stars to one decimal, as shown; absent without reviews. */
	static final String RATING = "rating";

	static final String SOURCE = "source";

	/**
	 * The title, craft and maker's name offered as completions, one doc-values field each
	 * (in that order): a completion looks up a number per field and reads each distinct
	 * value once, where stored fields decompressed a block of whole products per hit.
	 */
	static final List<String> SUGGESTIONS = List.of("suggestTitle", "suggestCraft", "suggestMaker");

	/** The folded words of titles, crafts and maker names, for completions. */
	static final String SUGGEST_WORDS = "suggestWords";

	static final String TITLE_TEXT = "title";

	static final String MAKER_TEXT = "makerName";

	static final String CRAFT_TEXT = "craftText";

	static final String TAGS_TEXT = "tags";

	static final String MATERIALS_TEXT = "materials";

	static final String DESCRIPTION_TEXT = "description";

	static final String PLACE_TEXT = "place";

	private final JsonMapper json;

	ProductDocuments(JsonMapper json) {
		this.json = json;
	}

	static Term productKey(String productId) {
		return new Term(ID, productId);
	}

	static Term makerKey(String artisanId) {
		return new Term(ID, "maker:" + artisanId);
	}

	/**
	 * A product's document, its maker's details laid over the product's copy of them.
	 * @param stored the product (from MongoDB, or as the index holds it)
	 * @param maker what the index knows of its maker, or {@code null}
	 * @return the document
	 */
	Document product(Product stored, Maker maker) {
		Product product = withMaker(stored, maker);
		String craft = (maker != null) ? maker.craft() : null;
		Document doc = new Document();
		doc.add(new StringField(ID, product.id(), Store.NO));
		doc.add(new SortedDocValuesField(ID, new BytesRef(product.id())));
		doc.add(new NumericDocValuesField(ID_ORDER, idOrder(product.id())));
		doc.add(new StringField(KIND, PRODUCT, Store.NO));
		doc.add(new StringField(VISIBLE, isPublic(product) ? "yes" : "no", Store.NO));
		doc.add(new StringField(ARTISAN_ID, product.artisanId(), Store.NO));
		keyword(doc, CATEGORY, (product.category() != null) ? product.category().name() : null);
		keyword(doc, COUNTRY, product.artisanCountry());
		keyword(doc, CRAFT, craft);
		doc.add(new StringField(CURRENCY, product.price().currency(), Store.NO));
		doc.add(new LongPoint(PRICE, product.priceMinor()));
		doc.add(new NumericDocValuesField(PRICE, product.priceMinor()));
		doc.add(new IntPoint(STOCK, product.stock()));
		doc.add(new NumericDocValuesField(STOCK, product.stock()));
		doc.add(new NumericDocValuesField(CREATED_AT, product.createdAt().toEpochMilli()));
		text(doc, TITLE_TEXT, product.title());
		text(doc, MAKER_TEXT, product.artisanName());
		text(doc, CRAFT_TEXT, craft);
		text(doc, TAGS_TEXT, String.join(" ", product.tags()));
		text(doc, MATERIALS_TEXT, String.join(" ", product.materials()));
		text(doc, DESCRIPTION_TEXT, product.description());
		text(doc, PLACE_TEXT, product.artisanCity());
		List<String> suggestions = Arrays.asList(product.title(), craft, product.artisanName());
		for (int i = 0; i < suggestions.size(); i++) {
			String suggestion = suggestions.get(i);
			if (suggestion != null) {
				doc.add(new SortedDocValuesField(SUGGESTIONS.get(i), new BytesRef(suggestion)));
				text(doc, SUGGEST_WORDS, suggestion);
			}
		}
		Product.Rating rating = product.rating();
		if (rating != null && rating.count() > 0) {
			double average = RatingView.of(rating.sum(), rating.count()).average().doubleValue();
			doc.add(new DoublePoint(RATING, average));
			doc.add(new DoubleDocValuesField(RATING, average));
		}
		doc.add(new StoredField(SOURCE, this.json.writeValueAsString(product)));
		return doc;
	}

	Product product(Document doc) {
		return this.json.readValue(doc.get(SOURCE), Product.class);
	}

	Document maker(Maker maker) {
		Document doc = new Document();
		doc.add(new StringField(ID, makerKey(maker.id()).text(), Store.NO));
		doc.add(new SortedDocValuesField(ID, makerKey(maker.id()).bytes()));
		doc.add(new StringField(KIND, MAKER, Store.NO));
		doc.add(new StoredField(SOURCE, this.json.writeValueAsString(maker)));
		return doc;
	}

	Maker maker(Document doc) {
		return this.json.readValue(doc.get(SOURCE), Maker.class);
	}

	static boolean isPublic(Product product) {
		return product.status() == ProductStatus.ACTIVE && product.artisanStatus() != ArtisanEvent.Status.SUSPENDED;
	}

	/**
	 * The product as the index keeps it: the maker's details the index knows, and none of
	 * the bookkeeping (outbox, reservation markers) a listing never shows.
	 */
	private static Product withMaker(Product p, Maker maker) {
		String name = p.artisanName();
		String city = p.artisanCity();
		String country = p.artisanCountry();
		ArtisanEvent.Status status = p.artisanStatus();
		if (maker != null) {
			name = (maker.displayName() != null) ? maker.displayName() : name;
			city = (maker.city() != null) ? maker.city() : city;
			country = (maker.country() != null) ? maker.country() : country;
			status = (maker.status() != null) ? maker.status() : status;
		}
		return new Product(p.id(), p.artisanId(), p.ownerId(), p.title(), p.description(), p.category(),
				listOf(p.materials()), listOf(p.tags()), p.price(), p.priceMinor(), p.stock(), listOf(p.images()),
				p.status(), name, city, country, status, p.createdAt(), p.updatedAt(), List.of(), List.of(), List.of(),
				null, 0L, p.rating(), p.favourites());
	}

	private static <T> List<T> listOf(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static void keyword(Document doc, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new StringField(field, value, Store.NO));
			doc.add(new SortedDocValuesField(field, new BytesRef(value)));
		}
	}

	private static void text(Document doc, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new TextField(field, value, Store.NO));
		}
	}

	/** Stable across JVMs and restarts: both halves are specified hashes of the id. */
	static long idOrder(String id) {
		BytesRef bytes = new BytesRef(id);
		return ((long) id.hashCode() << 32)
				| (StringHelper.murmurhash3_x86_32(bytes.bytes, bytes.offset, bytes.length, 0) & 0xFFFFFFFFL);
	}

}
