package io.cmohub.model;

import static io.cmohub.model.RecordRules.required;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;

/** A reference to a batch of a product. */
public record BatchRef(ProductCode product, BatchId batchId) {
    public BatchRef {
        required(product, "batch.product");
        required(batchId, "batch.batchId");
    }
}
