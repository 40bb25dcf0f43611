package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
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

/** The sponsor's investigation of one or more alerts: attribution to a CMO, status, and the reconciliation verdict. */
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
        String summary) implements CanonicalRecord {

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
