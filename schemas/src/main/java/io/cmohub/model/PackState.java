package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.util.Set;
import java.time.Instant;

/**
 * The state of one pack as the EU Hub (or a national system) answered at {@code reportedAt}, with
 * the batch and product states above it. The decommissioning time and location are kept because
 * they decide whether an undo is still possible (10 days, same premises).
 */
public record PackState(
        ProductCode product,
        SerialNumber serial,
        BatchId batchId,
        Expiry expiry,
        Market market,
        PackStatus state,
        BatchState batchState,
        ProductState productState,
        Instant stateChangedAt,
        String decommissionLocation,
        Instant reportedAt) implements CanonicalRecord {

    public PackState {
        required(product, "product");
        required(serial, "serial");
        required(state, "state");
        required(reportedAt, "reportedAt");
        optionalText(decommissionLocation, "decommissionLocation", 200);
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return Set.of(product);
    }

    @Override
    public Set<Market> mentionedMarkets() {
        return market == null ? Set.of() : Set.of(market);
    }

    @Override
    public EntityType entityType() {
        return EntityType.PACK_STATE;
    }

    @Override
    public Instant occurredAt() {
        return reportedAt;
    }

    @Override
    public String businessKey() {
        return product + "/" + serial + (market == null ? "" : "/" + market);
    }
}
