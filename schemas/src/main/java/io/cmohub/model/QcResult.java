package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.util.Set;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One QC test result for a batch from the CMO's (or contract lab's) LIMS. A result is numeric, or
 * text for pass/fail and descriptive tests; limits are kept exactly as specified (scale included).
 */
public record QcResult(
        PartnerId partner,
        ProductCode product,
        BatchId batchId,
        String sampleId,
        String testCode,
        String testName,
        String method,
        BigDecimal lowerLimit,
        BigDecimal upperLimit,
        String specification,
        BigDecimal numericResult,
        String textResult,
        String unit,
        Boolean outOfSpecification,
        Instant testedAt,
        SiteId lab) implements CanonicalRecord, PartnerScoped {

    public QcResult {
        required(partner, "partner");
        required(product, "product");
        required(batchId, "batchId");
        optionalText(sampleId, "sampleId", 64);
        requiredText(testCode, "testCode", 64);
        optionalText(testName, "testName", 200);
        optionalText(method, "method", 200);
        optionalText(specification, "specification", 500);
        optionalText(textResult, "textResult", 500);
        optionalText(unit, "unit", 32);
        required(outOfSpecification, "outOfSpecification");
        if (numericResult == null && (textResult == null || textResult.isBlank())) {
            throw new InvalidValueException("numericResult or textResult is required");
        }
        if (lowerLimit != null && upperLimit != null && lowerLimit.compareTo(upperLimit) > 0) {
            throw new InvalidValueException("lowerLimit " + lowerLimit.toPlainString() + " is above upperLimit " + upperLimit.toPlainString());
        }
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return Set.of(product);
    }

    @Override
    public Set<SiteId> mentionedSites() {
        return lab == null ? Set.of() : Set.of(lab);
    }

    @Override
    public EntityType entityType() {
        return EntityType.QC_RESULT;
    }

    @Override
    public Instant occurredAt() {
        return testedAt;
    }

    @Override
    public String businessKey() {
        return partner + "/" + product + "/" + batchId + "/" + (sampleId == null ? "" : sampleId) + "/" + testCode;
    }
}
