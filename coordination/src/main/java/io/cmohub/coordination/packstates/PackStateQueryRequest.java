package io.cmohub.coordination.packstates;

import io.cmohub.euhub.PackQuery;
import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.PackStateSweep;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.util.List;
import java.util.Objects;

/**
 * A pack-state query as asked: either packs (from a JSON list or a CSV) or a batch, whose commissioned
 * serials the registry supplies. {@code market}, when given, is asked for every pack that names none.
 */
public record PackStateQueryRequest(PackStateQueryScope scope, List<PackQuery> packs, ProductCode product, BatchId batchId, Market market,
                                    PackStateSweep sweep) {

    public PackStateQueryRequest {
        Objects.requireNonNull(scope, "scope");
        packs = packs == null ? List.of() : List.copyOf(packs);
        if (scope == PackStateQueryScope.PACKS && packs.isEmpty()) {
            throw new IllegalArgumentException("a query of packs names at least one pack");
        }
        if (scope != PackStateQueryScope.PACKS && (product == null || batchId == null || !packs.isEmpty())) {
            throw new IllegalArgumentException("a " + scope + " query names a product and a batch, and no packs");
        }
        if ((sweep != null) != (scope == PackStateQueryScope.SWEEP)) {
            throw new IllegalArgumentException("a sweep names its check, and only a sweep does");
        }
    }

    public static PackStateQueryRequest ofPacks(List<PackQuery> packs) {
        return new PackStateQueryRequest(PackStateQueryScope.PACKS, packs, null, null, null, null);
    }

    public static PackStateQueryRequest ofBatch(ProductCode product, BatchId batchId, Market market) {
        return new PackStateQueryRequest(PackStateQueryScope.BATCH, List.of(), product, batchId, market, null);
    }

    public static PackStateQueryRequest sweep(PackStateSweep sweep, ProductCode product, BatchId batchId) {
        return new PackStateQueryRequest(PackStateQueryScope.SWEEP, List.of(), product, batchId, null, sweep);
    }
}
