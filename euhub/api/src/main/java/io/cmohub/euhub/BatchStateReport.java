package io.cmohub.euhub;

import io.cmohub.model.BatchState;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A batch as uploaded to the Hub: its state (active, recalled, expired), the expiry the Hub holds
 * (compare it with the printed one for A52), how many serials were uploaded, and the markets it
 * was uploaded for (a pack scanned in another market gives A2).
 */
public record BatchStateReport(
        ProductCode product,
        BatchId batchId,
        Expiry expiry,
        BatchState state,
        Recall recall,
        long uploadedSerialCount,
        Set<Market> markets,
        Instant reportedAt) {

    public BatchStateReport {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (uploadedSerialCount < 0) {
            throw new IllegalArgumentException("uploadedSerialCount must not be negative: " + uploadedSerialCount);
        }
        if ((state == BatchState.RECALLED) != (recall != null)) {
            throw new IllegalArgumentException("a recall is required for state RECALLED and only for it (state " + state + ")");
        }
        markets = markets == null ? Set.of() : Set.copyOf(markets);
    }

    public Optional<Recall> recallDetails() {
        return Optional.ofNullable(recall);
    }
}
