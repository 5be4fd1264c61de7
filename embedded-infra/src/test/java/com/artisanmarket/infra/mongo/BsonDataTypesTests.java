package com.artisanmarket.infra.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's BSON value and key types give back what they were given, and order index
 * keys so that two keys meet only when their values are equal.
 */
class BsonDataTypesTests {

	@Test
	void readsBackEveryValueTheServerStoresFromAClient() {
		Document document = everyType();

		Document read = roundTrip(DocumentDataType.INSTANCE, document);

		assertThat(read).isEqualTo(document);
		assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
	}

	@Test
	void readsBackARegularExpressionWithItsOptions() {
		Document read = roundTrip(DocumentDataType.INSTANCE,
				new Document("_id", 1).append("pattern", new BsonRegularExpression("^rug", "i")));

		BsonRegularExpression pattern = (BsonRegularExpression) read.get("pattern");
		assertThat(pattern.getPattern()).isEqualTo("^rug");
		assertThat(pattern.getOptions()).isEqualTo("i");
		assertThat(pattern.matcher("Rugs").find()).isTrue();
	}

	@Test
	void writesADocumentAsTheWireServersBson() {
		Document document = everyType();
		ByteBuf bson = Unpooled.buffer();
		BsonEncoder.encodeDocument(document, bson);

		byte[] stored = stored(DocumentDataType.INSTANCE, document);

		assertThat(stored).hasSize(1 + bson.readableBytes());
		assertThat(stored).endsWith(ByteBufUtil.getBytes(bson));
	}

	@Test
	void keepsValuesBsonCannotHoldExactly() {
		Set<String> set = new LinkedHashSet<>(List.of("b", "a"));
		Document document = new Document("_id", "p-1").append("touchedAt", Instant.parse("2026-03-01T10:15:30.123456Z"))
			.append("ratio", 0.5f)
			.append("tags", set)
			.append("nested", new Document("field\0name", 1));

		Document read = roundTrip(DocumentDataType.INSTANCE, document);

		assertThat(read).isEqualTo(document);
		assertThat(read.get("touchedAt")).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
		assertThat(read.get("tags")).isInstanceOf(LinkedHashSet.class);
	}

	@Test
	void readsBackIndexKeysOfEveryType() {
		for (Object value : everyType().values()) {
			KeyValue key = new KeyValue(value, "second");

			assertThat(roundTrip(IndexKeyDataType.INSTANCE, key)).isEqualTo(key);
		}
	}

	@Test
	void keysMeetOnlyWhenTheirValuesAreEqual() {
		assertThat(KeyOrder.compare(key(List.of(1.0, 2.0)), key(List.of(1.0, 3.0)))).isNegative();
		assertThat(
				KeyOrder.compare(key(new Document("a", List.of(1.0, 2.0))), key(new Document("a", List.of(1.0, 3.0)))))
			.isNegative();
		assertThat(KeyOrder.compare(key(new Document("a", 1.0).append("b", 2.0)),
				key(new Document("b", 2.0).append("a", 1.0))))
			.isNotZero();
		assertThat(KeyOrder.compare(key(1L), key(1.0))).isNotZero();
		assertThat(KeyOrder.compare(key(new BsonRegularExpression("a", "i")), key(new BsonRegularExpression("a", ""))))
			.isNotZero();
		assertThat(KeyOrder.compare(key("sku-1", 2.0), key("sku-1"))).isPositive();
		assertThat(KeyOrder.compare(key("sku-1", null), key("sku-1", null))).isZero();
		assertThat(
				KeyOrder.compare(key(new Document("a", List.of(1.0, 2.0))), key(new Document("a", List.of(1.0, 2.0)))))
			.isZero();
	}

	@Test
	void ordersKeysOfMixedTypesConsistently() {
		List<KeyValue> keys = new ArrayList<>();
		everyType().values().forEach((value) -> keys.add(key(value)));
		keys.addAll(List.of(key(-1.5), key(Double.NaN), key(1L << 60), key((1L << 60) + 1), key(""), key("a", "b"),
				key("a"), key(List.of()), key(new Document()), key(Instant.EPOCH), key(false),
				key(MaxKey.getInstance()), key(new BsonTimestamp(0L)), key(new Decimal128(1, 0))));

		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				assertThat(Integer.signum(KeyOrder.compare(a, b))).as("%s vs %s", a, b)
					.isEqualTo(-Integer.signum(KeyOrder.compare(b, a)));
				assertThat(KeyOrder.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a == b || a.equals(b));
				for (KeyValue c : keys) {
					if (KeyOrder.compare(a, b) < 0 && KeyOrder.compare(b, c) < 0) {
						assertThat(KeyOrder.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
					}
				}
			}
		}
	}

	private static KeyValue key(Object... values) {
		return new KeyValue(values);
	}

	/** A document with a value of each type the wire server decodes from a client. */
	private static Document everyType() {
		return new Document("_id", new ObjectId()).append("name", "Kilim, wool")
			.append("count", 42)
			.append("total", 9_007_199_254_740_993L)
			.append("ratio", -0.0)
			.append("price", new Decimal128(1234, 3476778912330022912L))
			.append("live", true)
			.append("archivedAt", null)
			.append("createdAt", Instant.ofEpochMilli(1_767_225_600_123L))
			.append("image", new BinData(new byte[] { 1, 2, 3 }))
			.append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
			.append("legacyUuid", new LegacyUUID(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
			.append("oplogTime", new BsonTimestamp(Instant.ofEpochSecond(1_767_225_600L), 7))
			.append("script", new BsonJavaScript("function () { return 1; }"))
			.append("lowest", MinKey.getInstance())
			.append("highest", MaxKey.getInstance())
			.append("maker", new Document("name", "Aygün").append("regions", List.of("Quba", "Şəki")))
			.append("lines", List.of(new Document("sku", "k-1").append("quantity", 2), List.of(1, "two", 3.0), 4L));
	}

	private static <T> T roundTrip(BasicDataType<T> type, T value) {
		return type.read(ByteBuffer.wrap(stored(type, value)));
	}

	private static <T> byte[] stored(BasicDataType<T> type, T value) {
		WriteBuffer out = new WriteBuffer();
		type.write(out, value);
		ByteBuffer bytes = out.getBuffer().flip();
		byte[] stored = new byte[bytes.remaining()];
		bytes.get(stored);
		return stored;
	}

}
