package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.nonNegative;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A disagreement between the EU Hub and the hub's own records about one batch, raised by a scheduled
 * pack-state check. One finding per batch and kind, however many packs it concerns: {@code packs}
 * counts them and {@code examples} names up to {@value #MAX_EXAMPLES} of them, so that a million
 * decommissioned packs are one event a person can act on.
 *
 * @param sweep    the check that found it: {@code RELEASED}, {@code OPEN_CASES} or {@code NEAR_EXPIRY}
 * @param hubSays  what the Hub answered, in words
 * @param hubKnows what the hub's registry and ERP data say, in words
 * @param queryId  the pack-state query the finding came from, to page through every pack
 */
public record PackStateFinding(
        PackStateFindingKind kind,
        PackStateSweep sweep,
        ProductCode product,
        BatchId batchId,
        PartnerId partner,
        Long packs,
        @JacksonXmlProperty(localName = "example") List<SerialNumber> examples,
        String hubSays,
        String hubKnows,
        String queryId,
        Instant detectedAt) implements CanonicalRecord {

    public static final int MAX_EXAMPLES = 20;

    public PackStateFinding {
        required(kind, "kind");
        required(sweep, "sweep");
        required(product, "product");
        required(batchId, "batchId");
        nonNegative(required(packs, "packs"), "packs");
        examples = list(examples, "examples");
        if (examples.size() > MAX_EXAMPLES) {
            throw new InvalidValueException("examples holds at most " + MAX_EXAMPLES + " serials, was " + examples.size());
        }
        requiredText(hubSays, "hubSays", 1000);
        requiredText(hubKnows, "hubKnows", 1000);
        optionalText(queryId, "queryId", 64);
        required(detectedAt, "detectedAt");
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return Set.of(product);
    }

    @Override
    public EntityType entityType() {
        return EntityType.PACK_STATE_FINDING;
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }

    @Override
    public String businessKey() {
        return product + "/" + batchId + "/" + kind;
    }
}
