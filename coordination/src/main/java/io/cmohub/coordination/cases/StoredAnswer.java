package io.cmohub.coordination.cases;

import java.time.Instant;

/** An evidence answer as recorded: for a file, the document store id, SHA-256 and size prove which bytes were received. */
public record StoredAnswer(String requestId, int seq, String itemCode, String text, String documentId, String fileName, String sha256, Long sizeBytes,
                           String answeredBy, Instant answeredAt) {
}
