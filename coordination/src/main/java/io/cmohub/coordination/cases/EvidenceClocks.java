package io.cmohub.coordination.cases;

import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.coordination.outbox.Outbox;
import io.cmohub.coordination.sla.SlaClock;
import io.cmohub.coordination.sla.SlaClockHandler;
import io.cmohub.coordination.sla.SlaClockKind;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an evidence request's SLA clock does when it fires, in the sweeper's transaction under the case
 * lock: the reminder to the liaison, or the escalation to the backup and sponsor QA with the request and
 * case marked ESCALATED. A clock of a request settled meanwhile does nothing but say so in the audit trail.
 */
final class EvidenceClocks implements SlaClockHandler {
    private static final String AUDIT_REQUEST = CaseCoordinator.AUDIT_REQUEST;

    private final AuditTrail audit;
    private final LiaisonRegister liaisons;
    private final CoordinationSettings settings;
    private final CaseEvents events;

    EvidenceClocks(AuditTrail audit, LiaisonRegister liaisons, CoordinationSettings settings, CaseEvents events) {
        this.audit = audit;
        this.liaisons = liaisons;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void lockOwner(Connection c, SlaClock slaClock) throws SQLException {
        // case first, then the clock (the sweeper's claim): the order respond() and close() use
        Optional<RequestRow> request = EvidenceRequestStore.row(c, slaClock.requestId());
        if (request.isPresent()) {
            CaseStore.lock(c, request.get().caseId());
        }
    }

    @Override
    public void fire(Connection c, SlaClock slaClock, Instant now) throws SQLException {
        RequestRow request = EvidenceRequestStore.existing(c, slaClock.requestId());
        CaseStore.lock(c, request.caseId());
        String system = "system:" + settings.node();
        if (request.status() == EvidenceRequestStatus.ANSWERED || request.status() == EvidenceRequestStatus.CLOSED) {
            // The request was settled after the clock was read: nothing to remind or escalate.
            audit.record(c, AuditEvent.success(system, "SLA_" + slaClock.kind()).on(AUDIT_REQUEST, request.requestId())
                    .because("request already " + request.status() + "; nothing to do"));
            return;
        }
        Liaison liaison = liaisons.find(request.partner()).orElse(null);
        String dueText = liaison == null ? request.dueAt().toString() : CaseNotices.local(request.dueAt(), liaison.calendar().zone());
        EvidenceRequest canonical = request.canonical();
        if (slaClock.kind() == SlaClockKind.REMINDER) {
            if (liaison != null) {
                Outbox.notice(c, CaseNotices.reminder(slaClock.clockId(), canonical, liaison.liaison().name(), dueText), liaison.primaryChannel(), now);
            }
            CaseTimeline.append(c, request.caseId(), now, Party.SYSTEM, system, "REMINDER_SENT", "reminded "
                    + (liaison == null ? request.partner() + " (no liaison registered any more)" : liaison.liaison().name()) + "; due " + dueText);
            audit.record(c, AuditEvent.success(system, "SLA_REMINDER").on(AUDIT_REQUEST, request.requestId())
                    .because("reminder before " + request.dueAt()));
            return;
        }
        EvidenceRequestStore.updateStatus(c, request.requestId(), EvidenceRequestStatus.ESCALATED, null, now);
        CaseStore.setStatus(c, request.caseId(), CaseStatus.ESCALATED, now);
        List<String> told = new ArrayList<>();
        if (liaison != null && liaison.backup() != null) {
            Channel toBackup = liaison.backup().email() != null ? new Channel(ChannelType.EMAIL, liaison.backup().email(), null) : liaison.primaryChannel();
            Outbox.notice(c, CaseNotices.escalation(slaClock.clockId(), "backup", canonical, liaison.backup().name(), dueText), toBackup, now);
            told.add("backup liaison " + liaison.backup().name());
        }
        Outbox.notice(c, CaseNotices.escalation(slaClock.clockId(), "sponsor-qa", canonical, settings.sponsorQa().name(), dueText),
                settings.sponsorQaChannel(), now);
        told.add("sponsor QA " + settings.sponsorQa().name());
        CaseTimeline.append(c, request.caseId(), now, Party.SHARED, system, "ESCALATED", "evidence overdue since " + dueText + "; told "
                + String.join(" and ", told));
        audit.record(c, AuditEvent.success(system, "SLA_ESCALATION").on(AUDIT_REQUEST, request.requestId())
                .because("overdue since " + request.dueAt()).details("notified=" + String.join(",", told)));
        events.publishRequest(c, request.requestId(), now);
        events.publishCase(c, request.caseId(), now);
    }
}
