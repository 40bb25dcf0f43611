package io.cmohub.euhub;

import io.cmohub.model.ProductState;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A product's master data summary and its state in each market it was uploaded for. */
public record ProductStateReport(
        ProductCode product,
        String name,
        String commonName,
        List<MarketState> markets,
        Instant reportedAt) {

    public ProductStateReport {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reportedAt, "reportedAt");
        markets = markets == null ? List.of() : List.copyOf(markets);
    }

    /** The product's state in {@code market}; empty if it was never uploaded for that market. */
    public Optional<ProductState> stateIn(Market market) {
        return markets.stream().filter(m -> m.market().equals(market)).map(MarketState::state).findFirst();
    }
}
