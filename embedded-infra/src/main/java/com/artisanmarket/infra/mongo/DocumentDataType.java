package com.artisanmarket.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/** The documents of a collection's data map, stored as BSON documents. */
final class DocumentDataType extends BsonDataType<Document> {

	static final DocumentDataType INSTANCE = new DocumentDataType();

	private DocumentDataType() {
	}

	@Override
	boolean isLosslessInBson(Document document) {
		return LosslessBson.holds(document);
	}

	@Override
	void encode(Document document, ByteBuf out) {
		BsonEncoder.encodeDocument(document, out);
	}

	@Override
	Document decode(ByteBuf in) {
		return BsonDecoder.decodeBson(in);
	}

	@Override
	public int getMemory(Document document) {
		return HeapSize.of(document);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
