package io.cmohub.coordination.cases;

import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.outbox.Outbox;
import io.cmohub.model.Attribution;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.event.CanonicalEvent;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What a change of a case sends out, queued in the outbox in the change's own transaction: the case's and
 * its requests' new state as canonical events (numbered by {@link Revisions}), and the EAMS write-backs.
 */
final class CaseEvents {
    private final URI eventSource;

    CaseEvents(URI eventSource) {
        this.eventSource = eventSource;
    }

    /** Queues the case's current state as an event under its next revision; nothing when the state is the one last published. */
    void publishCase(Connection c, String caseId, Instant now) throws SQLException {
        InvestigationCase state = CaseStore.load(c, caseId).orElseThrow().withRevision(null);
        OptionalInt revision = Revisions.CASE.next(c, caseId, state);
        if (revision.isEmpty()) {
            return;
        }
        Attribution attribution = state.attribution();
        Outbox.event(c, CanonicalEvent.of(state.withRevision(revision.getAsInt()), eventSource,
                attribution.partner() == null ? null : attribution.partner().value(), now), caseId, now);
    }

    /** As {@link #publishCase} for an evidence request; returns the request as it now stands, with its revision. */
    EvidenceRequest publishRequest(Connection c, String requestId, Instant now) throws SQLException {
        RequestRow row = EvidenceRequestStore.existing(c, requestId);
        EvidenceRequest state = row.canonical().withRevision(null);
        OptionalInt revision = Revisions.REQUEST.next(c, requestId, state);
        if (revision.isEmpty()) {
            return row.canonical();
        }
        EvidenceRequest published = state.withRevision(revision.getAsInt());
        Outbox.event(c, CanonicalEvent.of(published, eventSource, row.partner().value(), now), row.caseId(), now);
        return published;
    }

    /** Queues an EAMS status write-back for one alert of the case and notes it on the timeline. */
    void eams(Connection c, String caseId, String alertId, EamsStatus status, InvestigationStatus mah, String reason, Instant now) throws SQLException {
        // unique by its random part; the alert id (up to 128 characters) made it longer than an outbox id can be
        EamsUpdate update = new EamsUpdate("eams-" + caseId + "-" + id(), alertId, status, mah, reason);
        Outbox.eams(c, update, caseId, now);
        CaseTimeline.append(c, caseId, now, Party.MAH, "system", "EAMS_UPDATE", "alert " + alertId + ": status " + status
                + (mah == null ? "" : ", MAH investigation " + mah) + (reason == null ? "" : " (" + reason + ")"));
    }

    static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
