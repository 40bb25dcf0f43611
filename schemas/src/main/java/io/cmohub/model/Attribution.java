package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.SiteId;

/** Which CMO, site, line and packaging run made the alerted batch, or why none could be named. */
public record Attribution(AttributionOutcome outcome, PartnerId partner, SiteId site, LineId line, String packagingRunId, String reason) {
    public Attribution {
        required(outcome, "attribution.outcome");
        if (outcome == AttributionOutcome.ATTRIBUTED && partner == null) {
            throw new InvalidValueException("attribution.partner is required when the outcome is ATTRIBUTED");
        }
        optionalText(packagingRunId, "attribution.packagingRunId", 64);
        requiredText(reason, "attribution.reason", 500);
    }
}
