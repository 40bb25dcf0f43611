package io.cmohub.connector.animl;

import io.cmohub.connector.codes.ProductCodes;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of the document's SampleSet, reduced to what the results need (product and batch, or
 * why they cannot be had). It is the one piece of the document held across records, since results
 * refer to samples by id; its size is capped so a hostile SampleSet cannot exhaust memory.
 */
final class SampleIndex {
    static final int MAX_SAMPLES = 100_000;

    /** A sample's mapped identity, or the errors that prevent it. */
    record Identity(ProductCode product, BatchId batch, List<FieldError> errors) {
    }

    private final Map<String, Identity> samples = new HashMap<>();

    /** False when the cap is reached. */
    boolean add(AnimlModel.Sample sample, SampleField productField, SampleField batchField, ProductCodes products) {
        if (samples.size() >= MAX_SAMPLES) {
            return false;
        }
        MappedFields fields = new MappedFields();
        String where = "Sample[" + sample.sampleID + "]";
        ProductCode product = fields.construct(where + "/product", () -> products.resolve(productField.read(sample)));
        BatchId batch = fields.construct(where + "/batch", () -> BatchId.of(batchField.read(sample)));
        samples.put(sample.sampleID, new Identity(product, batch, fields.errors()));
        return true;
    }

    Identity find(String sampleId) {
        return samples.get(sampleId);
    }
}
