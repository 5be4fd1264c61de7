package com.artisanmarket.infra.mongo;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Deep copies of the documents a query matched, so that no two threads share a document
 * one of them changes.
 *
 * <p>
 * The server updates a document by changing the instance its query found, field by field,
 * and handing it back to the collection; that instance is the one the collection holds. A
 * reader's answer is encoded after the collection's lock is released, so it could be
 * changed as it was sent: the reader got a document half updated (a new version beside an
 * old count), and a conditional write based on it passed its version check and lost a
 * concurrent change. In the H2 store, the documents of changed pages are written when any
 * command commits, on that command's thread, and by compaction on a thread of its own, so
 * a document could also be changed while it was written to the file: H2 then failed the
 * commit with a {@link java.util.ConcurrentModificationException} and closed the store
 * for good. The H2 collections therefore hand an update copies, and store the changed
 * copy; the in-memory collections, which keep an update by the change in place, hand
 * readers copies made under the collection's lock.
 */
final class DocumentCopies {

	private DocumentCopies() {
	}

	static QueryResult of(QueryResult matched) {
		List<Document> copies = new ArrayList<>();
		for (Document document : matched) {
			copies.add(document.cloneDeeply());
		}
		return new QueryResult(copies, matched.getCursorId());
	}

}
