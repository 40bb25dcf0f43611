package io.cmohub.connector.b2mml;

import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.quality.QcEvaluation;

import static io.cmohub.connector.b2mml.V0700Values.text;

import io.cmohub.connector.MappedFields;
import io.cmohub.connector.b2mml.v0700.CodeType;
import io.cmohub.connector.b2mml.v0700.SampleTestResultType;
import io.cmohub.connector.b2mml.v0700.SampleTestType;
import io.cmohub.connector.b2mml.v0700.SampleType;
import io.cmohub.connector.b2mml.v0700.ValueType;
import io.cmohub.model.QcResult;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Maps one BatchML SampleTestResult (inside Sample / SampleTest) to a {@link QcResult}.
 *
 * <p>B2MML leaves the meaning of ExpectedResults open. This connector reads an ExpectedResults
 * value whose Key is LowerLimit (or Min, Minimum) or UpperLimit (Max, Maximum) as a numeric limit
 * and one without a key (or with Key Specification) as the specification text. Whether the result
 * is out of specification comes from TestDisposition through the configured code list, or from the
 * limits when there is no disposition; a disposition that contradicts the limits is a rejection.
 */
final class SampleTestResultMapper {
    private static final Set<String> NUMERIC_TYPES = Set.of("amount", "measure", "numeric", "quantity", "byte", "unsignedbyte", "integer",
            "positiveinteger", "negativeinteger", "nonnegativeinteger", "nonpositiveinteger", "int", "unsignedint", "long", "unsignedlong",
            "short", "unsignedshort", "decimal", "float", "double");

    private final CodeList<Boolean> dispositions;
    private final V0700Values values;

    SampleTestResultMapper(CodeList<Boolean> dispositions, V0700Values values) {
        this.dispositions = dispositions;
        this.values = values;
    }

    QcResult map(PartnerId partner, ProductCode product, BatchId batch, SampleType sample, SampleTestType test, SampleTestResultType result,
                 String path, MappedFields fields) {
        String testCode = text(test.getTestCode());
        if (testCode == null) {
            fields.error(path + "/TestCode", "TestCode is required on the SampleTest of a QC result");
        }
        if (result.getResults().size() != 1) {
            fields.error(path + "/Results", "a SampleTestResult must carry exactly one Results value to be mapped, found " + result.getResults().size());
            return null;
        }
        ValueType value = result.getResults().get(0);
        String raw = text(value.getValueString());
        String unit = text(value.getUnitOfMeasure());
        boolean numeric = isNumeric(value, raw);
        BigDecimal number = numeric ? fields.optional(path + "/Results/ValueString", raw, SampleTestResultMapper::decimal) : null;
        if (raw == null) {
            fields.error(path + "/Results/ValueString", "the result value is empty");
        }

        BigDecimal lower = null;
        BigDecimal upper = null;
        String specification = null;
        for (ValueType expected : result.getExpectedResults()) {
            String key = text(expected.getKey());
            String expectedText = text(expected.getValueString());
            switch (key == null ? "specification" : key.toLowerCase(Locale.ROOT)) {
                case "lowerlimit", "min", "minimum" -> lower = fields.required(path + "/ExpectedResults[" + key + "]", expectedText, SampleTestResultMapper::decimal);
                case "upperlimit", "max", "maximum" -> upper = fields.required(path + "/ExpectedResults[" + key + "]", expectedText, SampleTestResultMapper::decimal);
                case "specification" -> specification = expectedText;
                default -> fields.error(path + "/ExpectedResults", "ExpectedResults key '" + key
                        + "' is not one this connector reads (LowerLimit, UpperLimit or Specification)");
            }
        }
        QcEvaluation limits = new QcEvaluation(lower, upper);
        Boolean oos = outOfSpecification(text(result.getTestDisposition()), number, limits, path, fields);

        String method = result.getAnalysisUsed().isEmpty() ? null : text(result.getAnalysisUsed().get(0));
        Instant testedAt = firstInstant(path, fields, result.getTimeStamp(), test.getTimeStamp(), sample.getTimeStamp());
        String sampleId = text(sample.getEntryID());
        String testName = text(test.getTestName());
        String textResult = number == null ? raw : null;
        if (fields.hasErrors()) {
            return null;
        }
        BigDecimal lowerLimit = lower;
        BigDecimal upperLimit = upper;
        String spec = specification;
        return fields.construct(path, () -> new QcResult(partner, product, batch, sampleId, testCode, testName, method,
                lowerLimit, upperLimit, spec, number, textResult, unit, oos, testedAt, null));
    }

    private Boolean outOfSpecification(String disposition, BigDecimal number, QcEvaluation limits, String path, MappedFields fields) {
        Boolean byLimits = number != null && limits.hasLimits() ? limits.outside(number) : null;
        if (disposition == null) {
            if (byLimits == null) {
                fields.error(path + "/TestDisposition", "the result has no TestDisposition and no numeric limits in ExpectedResults, "
                        + "so whether it is out of specification is unknown");
            }
            return byLimits;
        }
        Boolean byDisposition = fields.required(path + "/TestDisposition", disposition, d -> dispositions.require("TestDisposition", d));
        if (byDisposition != null && byLimits != null && !byDisposition.equals(byLimits)) {
            fields.error(path + "/TestDisposition", "TestDisposition '" + disposition + "' says " + (byDisposition ? "out of" : "within")
                    + " specification, but " + number.toPlainString() + " is " + (byLimits ? "outside" : "within") + " the limits " + limits.describe());
        }
        return byDisposition;
    }

    private Instant firstInstant(String path, MappedFields fields, io.cmohub.connector.b2mml.v0700.DateTimeType... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && candidate.getValue() != null) {
                try {
                    return values.instant(candidate);
                } catch (InvalidValueException e) {
                    fields.error(path + "/TimeStamp", e.getMessage());
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isNumeric(ValueType value, String raw) {
        CodeType dataType = value.getDataType() == null || value.getDataType().isNil() ? null : value.getDataType().getValue();
        String type = text(dataType);
        if (type == null) {
            // no declared type: a plain decimal is a number, anything else is text
            return raw != null && raw.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
        }
        return NUMERIC_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    static BigDecimal decimal(String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + raw + "' is not a number");
        }
    }
}
