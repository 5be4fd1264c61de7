package com.artisanmarket.infra.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/**
 * The keys of a unique index's map, stored as BSON arrays and ordered by
 * {@link KeyOrder}. H2's default type compared two keys by Java-serializing both, on
 * every step of every binary search.
 */
final class IndexKeyDataType extends BsonDataType<KeyValue> {

	static final IndexKeyDataType INSTANCE = new IndexKeyDataType();

	private IndexKeyDataType() {
	}

	@Override
	public int compare(KeyValue a, KeyValue b) {
		return KeyOrder.compare(a, b);
	}

	@Override
	boolean isLosslessInBson(KeyValue key) {
		return LosslessBson.holdsAll(key);
	}

	@Override
	void encode(KeyValue key, ByteBuf out) {
		BsonEncoder.encodeValue(BsonConstants.TYPE_ARRAY, key.stream().toList(), out);
	}

	@Override
	KeyValue decode(ByteBuf in) {
		return new KeyValue((List<?>) BsonDecoder.decodeValue(BsonConstants.TYPE_ARRAY, in));
	}

	@Override
	public int getMemory(KeyValue key) {
		return HeapSize.of(key);
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
