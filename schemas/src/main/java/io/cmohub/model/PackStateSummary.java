package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.nonNegative;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A completed EU Hub pack-state query: how many packs were asked, answered and refused, and the
 * count per answer. Each answered pack was published as its own {@link PackState}; this record is
 * what a sponsor system waits for to know the set is complete.
 *
 * @param scope      {@code PACKS} (a list or CSV of packs), {@code BATCH} (the registry's serials of a batch) or
 *                   {@code SWEEP} (a scheduled check)
 * @param product    the batch's product, for a batch query
 * @param batchId    the batch, for a batch query
 */
public record PackStateSummary(
        String queryId,
        PackStateQueryScope scope,
        ProductCode product,
        BatchId batchId,
        String requestedBy,
        Long asked,
        Long answered,
        Long failed,
        @JacksonXmlProperty(localName = "count") List<PackStateCount> counts,
        Instant startedAt,
        Instant completedAt) implements CanonicalRecord {

    public PackStateSummary {
        requiredText(queryId, "queryId", 64);
        required(scope, "scope");
        requiredText(requestedBy, "requestedBy", 200);
        nonNegative(required(asked, "asked"), "asked");
        nonNegative(required(answered, "answered"), "answered");
        nonNegative(required(failed, "failed"), "failed");
        counts = list(counts, "counts");
        required(startedAt, "startedAt");
        required(completedAt, "completedAt");
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return product == null ? Set.of() : Set.of(product);
    }

    @Override
    public EntityType entityType() {
        return EntityType.PACK_STATE_SUMMARY;
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }

    @Override
    public String businessKey() {
        return "pack-state-query/" + queryId;
    }
}
