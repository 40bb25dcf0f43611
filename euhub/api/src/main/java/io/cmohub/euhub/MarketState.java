package io.cmohub.euhub;

import io.cmohub.model.ProductState;
import io.cmohub.model.value.Market;
import java.time.Instant;
import java.util.Objects;

/** A product's state in one market, with the national code and, once withdrawn (irreversible), when. */
public record MarketState(Market market, ProductState state, String nationalCode, Instant withdrawnAt) {
    public MarketState {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(state, "state");
    }
}
