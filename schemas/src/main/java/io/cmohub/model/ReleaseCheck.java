package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.required;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The pre-release upload gate's verdict on a batch, published so that ERP and QA see it before they
 * release: the CMO's packaging record and ERP data compared with what the EU Hub holds (serial count,
 * expiry, batch id, product per market). {@code failures} name what is wrong, one per failed check;
 * {@code confirmations} what was confirmed.
 *
 * @param partner the CMO that made the batch, when the batch registry knows it
 */
public record ReleaseCheck(
        ProductCode product,
        BatchId batchId,
        PartnerId partner,
        ReleaseCheckOutcome outcome,
        @JacksonXmlProperty(localName = "failure") List<String> failures,
        @JacksonXmlProperty(localName = "confirmation") List<String> confirmations,
        Instant checkedAt) implements CanonicalRecord {

    public ReleaseCheck {
        required(product, "product");
        required(batchId, "batchId");
        required(outcome, "outcome");
        required(checkedAt, "checkedAt");
        failures = list(failures, "failures");
        confirmations = list(confirmations, "confirmations");
        for (String text : failures) {
            RecordRules.requiredText(text, "failures", 1000);
        }
        for (String text : confirmations) {
            RecordRules.requiredText(text, "confirmations", 1000);
        }
        if ((outcome == ReleaseCheckOutcome.PASS) != failures.isEmpty()) {
            throw new InvalidValueException("a release check " + (outcome == ReleaseCheckOutcome.PASS ? "that passes lists no failures" : "that fails names at least one failure"));
        }
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return Set.of(product);
    }

    @Override
    public EntityType entityType() {
        return EntityType.RELEASE_CHECK;
    }

    @Override
    public Instant occurredAt() {
        return checkedAt;
    }

    @Override
    public String businessKey() {
        return product + "/" + batchId;
    }
}
