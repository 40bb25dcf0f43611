package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalRevision;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import java.time.Instant;
import java.util.List;

/**
 * What the sponsor asks a CMO to provide for an investigation case, and by when.
 *
 * <p>{@code revision} numbers the published states of the request (1, 2, ...), so a request that returns to an
 * earlier state gets a new event id; see {@link InvestigationCase}. Optional.
 */
public record EvidenceRequest(
        String requestId,
        String caseId,
        AlertCode alertCode,
        PartnerId partner,
        @JacksonXmlProperty(localName = "item") List<EvidenceItem> items,
        Instant requestedAt,
        Instant dueAt,
        String channel,
        EvidenceRequestStatus status,
        Integer revision) implements CanonicalRecord, PartnerScoped {

    public EvidenceRequest {
        requiredText(requestId, "requestId", 64);
        requiredText(caseId, "caseId", 64);
        required(alertCode, "alertCode");
        required(partner, "partner");
        items = list(items, "items");
        if (items.isEmpty()) {
            throw new InvalidValueException("items must name at least one piece of evidence");
        }
        required(requestedAt, "requestedAt");
        required(dueAt, "dueAt");
        if (dueAt.isBefore(requestedAt)) {
            throw new InvalidValueException("dueAt " + dueAt + " is before requestedAt " + requestedAt);
        }
        optionalText(channel, "channel", 32);
        required(status, "status");
        optionalRevision(revision, "revision");
    }

    /** A request without a revision, as before revisions existed (kept so v1 callers compile unchanged). */
    public EvidenceRequest(String requestId, String caseId, AlertCode alertCode, PartnerId partner, List<EvidenceItem> items, Instant requestedAt,
                           Instant dueAt, String channel, EvidenceRequestStatus status) {
        this(requestId, caseId, alertCode, partner, items, requestedAt, dueAt, channel, status, null);
    }

    /** This state of the request with another revision ({@code null}: none). */
    public EvidenceRequest withRevision(Integer newRevision) {
        return new EvidenceRequest(requestId, caseId, alertCode, partner, items, requestedAt, dueAt, channel, status, newRevision);
    }

    @Override
    public EntityType entityType() {
        return EntityType.EVIDENCE_REQUEST;
    }

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }

    @Override
    public String businessKey() {
        return requestId;
    }
}
