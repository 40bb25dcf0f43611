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

/** A Hub that passes every call on; the test decorators override what they watch or break. */
abstract class ForwardingHub implements EuHubGateway {
    final EuHubGateway delegate;

    ForwardingHub(EuHubGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        return delegate.requestPackState(query);
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        return delegate.requestPackStates(queries);
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
