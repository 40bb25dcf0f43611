package io.cmohub.routes.pipeline;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.DocumentTooLargeException;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.StoredDocument;
import io.cmohub.routes.store.StoredText;
import java.io.IOException;
import java.io.InputStream;

/**
 * The first step of every intake channel: keep the original bytes and register the document
 * (status RECEIVED) before anything parses it. After {@link #receive} returns, the document cannot
 * be lost: a crash leaves it RECEIVED, and {@link DocumentProcessor} picks it up again.
 */
public final class DocumentIntake {
    private final DocumentStore store;
    private final JdbcDocumentRegistry registry;
    private final AuditTrail audit;
    private final long maxDocumentBytes;

    public DocumentIntake(DocumentStore store, JdbcDocumentRegistry registry, AuditTrail audit, long maxDocumentBytes) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Stores and registers a document.
     *
     * @param channel how it arrived: http, inbox, jms or replay
     * @throws DocumentTooLargeException when it exceeds the size cap (audited; nothing kept)
     */
    public DocumentRecord receive(String rawPartner, String rawFormat, String channel, String rawName, InputStream content, String replayOf)
            throws IOException {
        // Whatever the channel delivered is recorded, even nonsense: the processing rejects it with a
        // reason. Only its form is made safe for the database, the logs and the audit trail.
        String partner = rawPartner == null || rawPartner.isBlank() ? "(none)" : StoredText.identifier(rawPartner, 64);
        String format = rawFormat == null || rawFormat.isBlank() ? "(none)" : StoredText.identifier(rawFormat, 64);
        String originalName = StoredText.identifier(rawName, 500);
        StoredDocument stored;
        try {
            stored = store.store(content, maxDocumentBytes);
        } catch (DocumentTooLargeException e) {
            audit.record(AuditEvent.failure(partner, "RECEIVE").on("document", originalName).because(e.getMessage())
                    .details("channel=" + channel + " format=" + format));
            throw e;
        }
        DocumentRecord record = DocumentRecord.received(stored, partner, format, channel, originalName, JdbcTime.now(), replayOf);
        try {
            register(record, stored, partner, channel, format, originalName, replayOf);
        } catch (RuntimeException e) {
            // The database refused the registration (it is down, say): the bytes must not stay behind
            // as an orphan the registry does not know; the caller is told to send the document again.
            try {
                store.discard(stored.documentId());
            } catch (IOException discardFailed) {
                e.addSuppressed(discardFailed);
            }
            throw e;
        }
        return record;
    }

    private void register(DocumentRecord record, StoredDocument stored, String partner, String channel, String format, String originalName,
                          String replayOf) {
        registry.register(record, c -> audit.record(c, AuditEvent.success(partner, replayOf == null ? "RECEIVE" : "REPLAY").on("document", stored.documentId())
                .details("channel=" + channel + " format=" + format + " sha256=" + stored.sha256() + " size=" + stored.sizeBytes()
                        + (originalName == null ? "" : " name=\"" + originalName.replace("\"", "\\\"") + "\"") + (replayOf == null ? "" : " replayOf="
                        + replayOf))));
    }

    /** An unfinished document of the same origin and content, as {@link io.cmohub.routes.store.JdbcDocumentRegistry#findUnfinished}. */
    public java.util.Optional<DocumentRecord> findUnfinished(String rawPartner, String channel, String rawName, String sha256) {
        return registry.findUnfinished(rawPartner == null ? "(none)" : StoredText.identifier(rawPartner, 64), channel,
                StoredText.identifier(rawName, 500), sha256);
    }

    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }
}
