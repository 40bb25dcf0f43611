package io.cmohub.gateway.server.quarantine;

import io.cmohub.gateway.server.wiring.StartupTasks;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Runs a quarantined document again, from its original bytes, after the cause was fixed (a mapping, a
 * partner's scope, a code list): a new document with {@code replayOf} set, audited as REPLAY. From the API and
 * the console alike.
 */
@Component
public class QuarantineReplay {
    private final DocumentStore store;
    private final DocumentIntake intake;
    private final StartupTasks.Dispatcher dispatcher;
    private final AuditTrail audit;

    public QuarantineReplay(DocumentStore store, DocumentIntake intake, StartupTasks.Dispatcher dispatcher, AuditTrail audit) {
        this.store = store;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    /** {@code original} must be a quarantined (REJECTED or PARTIALLY_ACCEPTED) document the caller may see. */
    public DocumentRecord replay(DocumentRecord original, String actor) throws IOException {
        DocumentRecord replayed;
        try (InputStream content = store.open(original.documentId())) {
            replayed = intake.receive(original.partner(), original.format(), "replay", original.originalName(), content, original.documentId());
        }
        audit.record(AuditEvent.success(actor, "REPLAY").on("quarantine", original.documentId()).because("replayed as " + replayed.documentId()));
        dispatcher.dispatch(replayed.documentId());
        return replayed;
    }

    public static boolean quarantined(DocumentRecord record) {
        return record.status().name().equals("REJECTED") || record.status().name().equals("PARTIALLY_ACCEPTED");
    }
}
