package io.cmohub.connector;

import io.cmohub.model.value.PartnerId;
import java.time.Instant;

/**
 * What is known about a document before it is read.
 *
 * @param partner    the partner that sent it (authenticated by the gateway, or given on the CLI)
 * @param documentId the hub's id of the stored document, or the file name for offline work
 * @param receivedAt when it was received
 */
public record DocumentContext(PartnerId partner, String documentId, Instant receivedAt) {
}
