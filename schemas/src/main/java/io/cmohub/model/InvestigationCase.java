package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalRevision;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.util.Set;
import java.time.Instant;
import java.util.List;

/**
 * The sponsor's investigation of one or more alerts: attribution to a CMO, status, and the reconciliation verdict.
 *
 * <p>{@code revision} numbers the published states of the case (1, 2, ...). It is part of the content, so a case that
 * returns to an earlier state (a verdict that flips back, a status that returns) still gets a new event id instead of
 * being taken for a re-send of the earlier state; consumers use it to apply states in order. Optional: absent on
 * records built outside the hub's coordination and on events published before revisions existed.
 */
public record InvestigationCase(
        String caseId,
        @JacksonXmlProperty(localName = "alertId") List<String> alertIds,
        AlertCode alertCode,
        CaseStatus status,
        Attribution attribution,
        ProductCode product,
        BatchId batchId,
        Market market,
        Instant openedAt,
        Instant closedAt,
        ReconciliationVerdict verdict,
        String summary,
        Integer revision) implements CanonicalRecord {

    public InvestigationCase {
        requiredText(caseId, "caseId", 64);
        alertIds = list(alertIds, "alertIds");
        if (alertIds.isEmpty()) {
            throw new InvalidValueException("alertIds must contain at least one alert id");
        }
        for (String alertId : alertIds) {
            requiredText(alertId, "alertIds", 128);
        }
        required(alertCode, "alertCode");
        required(status, "status");
        required(openedAt, "openedAt");
        optionalText(summary, "summary", 4000);
        optionalRevision(revision, "revision");
    }

    /** A case without a revision, as before revisions existed (kept so v1 callers compile unchanged). */
    public InvestigationCase(String caseId, List<String> alertIds, AlertCode alertCode, CaseStatus status, Attribution attribution,
                             ProductCode product, BatchId batchId, Market market, Instant openedAt, Instant closedAt,
                             ReconciliationVerdict verdict, String summary) {
        this(caseId, alertIds, alertCode, status, attribution, product, batchId, market, openedAt, closedAt, verdict, summary, null);
    }

    /** This state of the case with another revision ({@code null}: none). */
    public InvestigationCase withRevision(Integer newRevision) {
        return new InvestigationCase(caseId, alertIds, alertCode, status, attribution, product, batchId, market, openedAt, closedAt, verdict,
                summary, newRevision);
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return product == null ? Set.of() : Set.of(product);
    }

    @Override
    public Set<Market> mentionedMarkets() {
        return market == null ? Set.of() : Set.of(market);
    }

    @Override
    public EntityType entityType() {
        return EntityType.INVESTIGATION_CASE;
    }

    @Override
    public Instant occurredAt() {
        return openedAt;
    }

    @Override
    public String businessKey() {
        return caseId;
    }
}
