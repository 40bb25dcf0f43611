package io.cmohub.coordination.alert;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.StoredDocument;
import io.cmohub.routes.store.StoredText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;

/**
 * Keeps a bad alert notification like any other bad input: its original bytes in the document
 * store and a REJECTED document (with the reason as its error) in the registry, so it is listed by
 * the quarantine API ({@code GET /api/v1/quarantine}) and its bytes can be fetched. Registration,
 * error row and audit row commit together; a notification is never quarantined half.
 *
 * <p>The document's partner is the pseudo-partner {@link #OWNER} (alerts belong to the sponsor,
 * not to a CMO), its format names the channel's contract. A quarantine replay through the document
 * pipeline refuses such a document (no connector has that format): the sender re-sends instead.
 */
public final class AlertQuarantine {
    /** Partner column of quarantined alert notifications; not a valid partner id, so no partner can see or claim them. */
    public static final String OWNER = "(alert-intake)";

    private final DocumentStore store;
    private final JdbcDocumentRegistry registry;
    private final AuditTrail audit;
    private final long maxBytes;

    public AlertQuarantine(DocumentStore store, JdbcDocumentRegistry registry, AuditTrail audit, long maxBytes) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /**
     * @param format the contract the bytes failed, e.g. {@code emvs-hub-alert-callback}, {@code alert-notice-json}, {@code alert-mail}
     * @param channel how they came, e.g. {@code hub-callback}, {@code webhook}, {@code mail}
     * @return the quarantine (document) id
     */
    public String quarantine(byte[] raw, String format, String channel, String name, String reason) {
        String cleanReason = StoredText.identifier(reason == null ? "unreadable notification" : reason, 2000);
        StoredDocument stored;
        try {
            byte[] kept = raw.length > maxBytes ? java.util.Arrays.copyOf(raw, (int) maxBytes) : raw;
            stored = store.store(new ByteArrayInputStream(kept), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a quarantined alert notification", e);
        }
        java.time.Instant now = JdbcTime.now();
        DocumentRecord received = DocumentRecord.received(stored, OWNER, format, channel, StoredText.identifier(name, 500), now, null);
        DocumentRecord rejected = new DocumentRecord(received.documentId(), OWNER, format, channel, received.originalName(), stored.sha256(),
                stored.sizeBytes(), now, DocumentState.REJECTED, 0, 0L, 0L, 0L, 0L, 0L, 0L, null, now, 0, null);
        registry.register(rejected, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO document_error (document_id, seq, location, field, reason) VALUES (?, 1, 'document', NULL, ?)")) {
                s.setString(1, stored.documentId());
                s.setString(2, cleanReason);
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.failure("system", "QUARANTINE").on("document", stored.documentId()).because(cleanReason)
                    .details("channel=" + channel + " format=" + format + " sha256=" + stored.sha256() + " size=" + stored.sizeBytes()
                            + (raw.length > maxBytes ? " truncatedFrom=" + raw.length : "")));
        });
        return stored.documentId();
    }
}
