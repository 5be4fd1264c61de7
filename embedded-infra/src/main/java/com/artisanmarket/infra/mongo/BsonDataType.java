package com.artisanmarket.infra.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Writes the values of a store map as BSON, the wire server's own encoding, instead of
 * H2's default {@link ObjectDataType}, which Java-serializes every document, class
 * descriptors and all, whenever a page is written, and made that most of the server's CPU
 * under load. A value that BSON cannot hold exactly (see {@link LosslessBson}) is
 * Java-serialized as before, behind a tag byte, so storing a value never changes it.
 *
 * @param <T> the stored type
 */
abstract class BsonDataType<T> extends BasicDataType<T> {

	private static final byte BSON = 0;

	private static final byte JAVA_SERIALIZED = 1;

	/** A thread's scratch buffer that grew past this is dropped after use. */
	private static final int SCRATCH_KEPT_BYTES = 64 * 1024;

	private static final ThreadLocal<ByteBuf> scratch = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

	/** Whether BSON holds the value exactly. */
	abstract boolean isLosslessInBson(T value);

	abstract void encode(T value, ByteBuf out);

	abstract T decode(ByteBuf in);

	@Override
	public final void write(WriteBuffer out, T value) {
		if (!isLosslessInBson(value)) {
			byte[] serialized = ObjectDataType.serialize(value);
			out.put(JAVA_SERIALIZED).putVarInt(serialized.length).put(serialized);
			return;
		}
		ByteBuf bytes = scratch.get();
		try {
			encode(value, bytes);
			out.put(BSON).put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
		}
		finally {
			release(bytes);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public final T read(ByteBuffer in) {
		byte tag = in.get();
		if (tag == BSON) {
			ByteBuf bytes = Unpooled.wrappedBuffer(in);
			T value = decode(bytes);
			in.position(in.position() + bytes.readerIndex());
			return value;
		}
		if (tag == JAVA_SERIALIZED) {
			byte[] serialized = new byte[DataUtils.readVarInt(in)];
			in.get(serialized);
			return (T) ObjectDataType.deserialize(serialized);
		}
		throw new IllegalStateException("Unknown storage tag " + tag + " in a BSON map");
	}

	/**
	 * Orders values by their stored bytes. The server never compares stored documents (it
	 * only puts, gets and removes them by key), but H2's conditional writes would.
	 */
	@Override
	public int compare(T a, T b) {
		return (a == b) ? 0 : Arrays.compareUnsigned(stored(a), stored(b));
	}

	private byte[] stored(T value) {
		WriteBuffer out = new WriteBuffer();
		write(out, value);
		ByteBuffer bytes = out.getBuffer().flip();
		byte[] stored = new byte[bytes.remaining()];
		bytes.get(stored);
		return stored;
	}

	private static void release(ByteBuf bytes) {
		if (bytes.capacity() > SCRATCH_KEPT_BYTES) {
			scratch.remove();
		}
		else {
			bytes.clear();
		}
	}

}
