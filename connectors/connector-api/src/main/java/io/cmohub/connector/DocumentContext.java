package io.cmohub.connector;

import io.cmohub.model.value.PartnerId;
import io.cmohub.connector.limits.RecordLimits;
import java.time.Instant;

/**
 * What is known about a document before it is read.
 *
 * @param partner    the partner that sent it (authenticated by the gateway, or given on the CLI)
 * @param documentId the hub's id of the stored document, or the file name for offline work
 * @param receivedAt when it was received
 * @param limits     the bounds on one record the host set (every parser applies them)
 */
public record DocumentContext(PartnerId partner, String documentId, Instant receivedAt, RecordLimits limits) {

    public DocumentContext {
        java.util.Objects.requireNonNull(limits, "limits");
    }

    /** A document read under the default {@link RecordLimits}. */
    public DocumentContext(PartnerId partner, String documentId, Instant receivedAt) {
        this(partner, documentId, receivedAt, RecordLimits.DEFAULT);
    }
}
