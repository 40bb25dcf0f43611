package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.util.Set;
import java.time.Instant;

/**
 * The EU Hub refused an upload (A16 data validation error, I1 invalid file format). This is not an
 * alert: nothing happened to a pack, but a batch may be unsellable until the upload is fixed.
 */
public record UploadRejection(
        String uploadRef,
        String code,
        String message,
        String field,
        ProductCode product,
        BatchId batchId,
        Market market,
        Instant rejectedAt) implements CanonicalRecord {

    public UploadRejection {
        requiredText(uploadRef, "uploadRef", 128);
        requiredText(code, "code", 32);
        requiredText(message, "message", 2000);
        optionalText(field, "field", 200);
        required(rejectedAt, "rejectedAt");
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return product == null ? Set.of() : Set.of(product);
    }

    @Override
    public Set<Market> mentionedMarkets() {
        return market == null ? Set.of() : Set.of(market);
    }

    @Override
    public EntityType entityType() {
        return EntityType.UPLOAD_REJECTION;
    }

    @Override
    public Instant occurredAt() {
        return rejectedAt;
    }

    @Override
    public String businessKey() {
        return uploadRef + "/" + code;
    }
}
