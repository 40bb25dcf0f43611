package io.cmohub.model;

import static io.cmohub.model.RecordRules.required;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;

/** One product batch and quantity on a shipment. */
public record ShipmentLine(ProductCode product, BatchId batchId, Quantity quantity) {
    public ShipmentLine {
        required(product, "line.product");
        required(batchId, "line.batchId");
        required(quantity, "line.quantity");
    }
}
