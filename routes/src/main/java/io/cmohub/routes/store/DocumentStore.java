package io.cmohub.routes.store;

import io.cmohub.connector.DocumentSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where received documents are kept, byte for byte, before anything reads them: the original is
 * what the audit trail, the quarantine and a replay refer to.
 */
public interface DocumentStore {

    /**
     * Stores {@code content} durably under a new id and returns its id, SHA-256 and size.
     *
     * @throws DocumentTooLargeException when the content exceeds {@code maxBytes}; nothing is kept
     */
    StoredDocument store(InputStream content, long maxBytes) throws IOException;

    InputStream open(String documentId) throws IOException;

    /**
     * Removes a stored document that was never registered (its registration failed), so that a fault
     * leaves no orphan; a store that cannot delete keeps it (the default), which loses nothing.
     */
    default void discard(String documentId) throws IOException {
    }

    default DocumentSource source(String documentId) {
        return () -> open(documentId);
    }
}
