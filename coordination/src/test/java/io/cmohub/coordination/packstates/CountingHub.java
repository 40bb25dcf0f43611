package io.cmohub.coordination.packstates;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Records every pack asked and counts bulk calls; {@code afterBulkCall} runs after each bulk answer. */
final class CountingHub implements EuHubGateway {
    final EuHubGateway delegate;
    final List<PackQuery> asked = new CopyOnWriteArrayList<>();
    final AtomicInteger bulkCalls = new AtomicInteger();
    volatile Consumer<Integer> afterBulkCall = calls -> {
    };

    CountingHub(EuHubGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        PackStateResult result = delegate.requestPackState(query);
        asked.add(query);
        return result;
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        int calls = bulkCalls.incrementAndGet();
        try {
            List<PackStateResult> results = delegate.requestPackStates(queries);
            asked.addAll(queries);
            return results;
        } finally {
            afterBulkCall.accept(calls);
        }
    }

    @Override
    public Optional<BatchStateReport> requestBatchState(ProductCode product, BatchId batchId) {
        return delegate.requestBatchState(product, batchId);
    }

    @Override
    public Optional<ProductStateReport> requestProductState(ProductCode product) {
        return delegate.requestProductState(product);
    }

    @Override
    public Optional<UploadStatus> requestUploadStatus(String uploadRef) {
        return delegate.requestUploadStatus(uploadRef);
    }
}
