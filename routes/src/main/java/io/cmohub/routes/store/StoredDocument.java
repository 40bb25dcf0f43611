package io.cmohub.routes.store;

/** A document as stored: the hub's id, the SHA-256 of its bytes (hex) and its size. */
public record StoredDocument(String documentId, String sha256, long sizeBytes) {
}
