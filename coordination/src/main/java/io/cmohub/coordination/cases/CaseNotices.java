package io.cmohub.coordination.cases;

import io.cmohub.coordination.evidence.EvidenceTemplate;
import io.cmohub.coordination.evidence.Notice;
import io.cmohub.coordination.evidence.NoticeKind;
import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.model.Alert;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words the hub sends and records for a case: evidence requests, reminders and escalations as the
 * liaison, the backup and sponsor QA read them (times in the reader's zone), and the case summary.
 */
final class CaseNotices {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private CaseNotices() {
    }

    /** A time as the liaison reads it, in the zone of its business calendar. */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    static Notice request(EvidenceTemplate template, EvidenceRequest request, String recipient, String dueText) {
        return new Notice(request.requestId() + "-request", NoticeKind.EVIDENCE_REQUEST, request.caseId(), recipient,
                "[cmo-hub] " + request.alertCode() + " evidence request " + request.requestId() + ", due " + dueText,
                requestText(template, request, dueText), request, template.actionsOf(Party.CMO));
    }

    static Notice reminder(String clockId, EvidenceRequest request, String recipient, String dueText) {
        return new Notice(clockId, NoticeKind.REMINDER, request.caseId(), recipient,
                "[cmo-hub] Reminder: evidence request " + request.requestId() + " is due " + dueText,
                "Reminder: the evidence for case " + request.caseId() + " (" + request.alertCode() + ") is due " + dueText + ".\n", request, List.of());
    }

    /** The escalation of an overdue request to one recipient; {@code suffix} keeps each recipient's notice id apart. */
    static Notice escalation(String clockId, String suffix, EvidenceRequest request, String recipient, String dueText) {
        String text = "Escalation: the evidence for case " + request.caseId() + " (" + request.alertCode() + ", " + request.partner() + ") was due "
                + dueText + " and has not been provided in full.\n";
        return new Notice(clockId + "-" + suffix, NoticeKind.ESCALATION, request.caseId(), recipient,
                "[cmo-hub] Overdue evidence request " + request.requestId() + " (" + request.partner() + ")", text, request, List.of());
    }

    static String summary(Alert alert, Reconciliation reconciliation) {
        String scanned = alert.scanned() == null ? "" : " on " + alert.scanned().productCode() + "/" + alert.scanned().batchId();
        return CaseJson.limit(alert.code() + scanned + (alert.market() == null ? "" : " in " + alert.market()) + ": " + reconciliation.verdict() + ", "
                + reconciliation.reason() + ".", 3000);
    }

    private static String requestText(EvidenceTemplate template, EvidenceRequest request, String dueText) {
        StringBuilder text = new StringBuilder();
        text.append("Alert investigation ").append(request.caseId()).append(" (").append(request.alertCode()).append(": ").append(template.title())
                .append(")\nEvidence request ").append(request.requestId()).append(", due ").append(dueText).append("\n\nPlease provide:\n");
        for (EvidenceItem item : request.items()) {
            text.append(" - [").append(item.code()).append("] ").append(item.description()).append(item.required() ? "" : " (if available)").append('\n');
        }
        List<String> actions = template.actionsOf(Party.CMO);
        if (!actions.isEmpty()) {
            text.append("\nYour actions:\n");
            actions.forEach(a -> text.append(" - ").append(a).append('\n'));
        }
        return text.toString();
    }
}
