package io.cmohub.euhub.soap;

import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.soap.contract.BatchStateRequest;
import io.cmohub.euhub.soap.contract.PackQueryType;
import io.cmohub.euhub.soap.contract.PackStateRequest;
import io.cmohub.euhub.soap.contract.PackStatesRequest;
import io.cmohub.euhub.soap.contract.ProductStateRequest;
import io.cmohub.euhub.soap.contract.UploadStatusRequest;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.util.List;

/** Builds the contract's request objects from the gateway's already validated values. */
final class ContractRequests {
    private ContractRequests() {
    }

    static PackStateRequest packState(PackQuery query) {
        PackStateRequest request = new PackStateRequest();
        request.setQuery(query(query));
        return request;
    }

    static PackStatesRequest packStates(List<PackQuery> queries) {
        PackStatesRequest request = new PackStatesRequest();
        queries.forEach(q -> request.getQuery().add(query(q)));
        return request;
    }

    static BatchStateRequest batchState(ProductCode product, BatchId batchId) {
        BatchStateRequest request = new BatchStateRequest();
        request.setProductCode(product.value());
        request.setBatchId(batchId.value());
        return request;
    }

    static ProductStateRequest productState(ProductCode product) {
        ProductStateRequest request = new ProductStateRequest();
        request.setProductCode(product.value());
        return request;
    }

    static UploadStatusRequest uploadStatus(String uploadRef) {
        UploadStatusRequest request = new UploadStatusRequest();
        request.setUploadRef(uploadRef);
        return request;
    }

    private static PackQueryType query(PackQuery query) {
        PackQueryType type = new PackQueryType();
        type.setProductCode(query.product().value());
        type.setSerialNumber(query.serial().value());
        type.setMarket(query.market() == null ? null : query.market().code());
        return type;
    }
}
