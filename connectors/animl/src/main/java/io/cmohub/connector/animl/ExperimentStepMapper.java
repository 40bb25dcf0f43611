package io.cmohub.connector.animl;

import io.cmohub.connector.quality.OosQualityEvent;
import io.cmohub.connector.quality.QcEvaluation;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.Severity;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps one AnIML ExperimentStep to QC results: every value of every dependent Series of its Results
 * becomes one {@link QcResult} for the referenced sample's product and batch. The test code is
 * "technique/series" ("Microplate Read/Value"); the sample id is the AnIML sampleID plus the value's
 * index from the independent series ("plate_0/17" for well 17), or the sampleID alone when the
 * series holds one value. A dependent series of several values without an independent series
 * cannot be told apart value by value and is rejected.
 *
 * <p>AnIML core has no specification limits. A Result may carry Categories named "Specification"
 * with Parameters "Series" (the dependent series they apply to), "Lower Limit" and "Upper Limit";
 * the limits decide out-of-specification. Results without limits follow the configured policy.
 */
final class ExperimentStepMapper {
    static final String SPECIFICATION = "Specification";
    /** One experiment step is held in memory; this bounds what an auto-incremented series can expand to. */
    static final int MAX_SERIES_LENGTH = 1_000_000;

    private final SampleIndex samples;
    private final boolean unspecifiedAreInSpecification;
    private final ZoneId zone;
    private final Severity oosSeverity;

    ExperimentStepMapper(SampleIndex samples, boolean unspecifiedAreInSpecification, ZoneId zone, Severity oosSeverity) {
        this.samples = samples;
        this.unspecifiedAreInSpecification = unspecifiedAreInSpecification;
        this.zone = zone;
        this.oosSeverity = oosSeverity;
    }

    List<CanonicalRecord> map(AnimlModel.ExperimentStep step, PartnerId partner, Instant received, MappedFields fields) {
        List<AnimlModel.SampleReference> references = step.infrastructure == null || step.infrastructure.sampleReferences == null
                ? List.of() : step.infrastructure.sampleReferences.references;
        if (references.size() != 1) {
            fields.error("Infrastructure/SampleReferenceSet", "the experiment step references " + references.size()
                    + " samples; exactly one is needed to know which batch the results belong to");
            return null;
        }
        String sampleId = references.get(0).sampleID;
        SampleIndex.Identity identity = samples.find(sampleId);
        if (identity == null) {
            fields.error("Infrastructure/SampleReferenceSet", "sample '" + sampleId + "' is not in the SampleSet (or comes after the experiment step)");
            return null;
        }
        for (FieldError error : identity.errors()) {
            fields.error(error.field(), error.reason());
        }
        String technique = step.technique == null || step.technique.name == null || step.technique.name.isBlank() ? null : step.technique.name.strip();
        if (technique == null) {
            fields.error("Technique", "the experiment step names no Technique, which the test code is made of");
        }
        Instant testedAt = fields.optional("Infrastructure/Timestamp", step.infrastructure.timestamp, this::instant);
        if (step.results.isEmpty()) {
            fields.error("Result", "the experiment step has no Result");
        }

        List<CanonicalRecord> out = new ArrayList<>();
        for (AnimlModel.Result result : step.results) {
            String resultPath = "Result[" + result.name + "]";
            AnimlModel.SeriesSet set = result.seriesSet;
            if (set == null) {
                fields.error(resultPath + "/SeriesSet", "the result has no SeriesSet");
                continue;
            }
            String setPath = resultPath + "/SeriesSet[" + set.name + "]";
            Integer length = fields.required(setPath + "/@length", set.length, ExperimentStepMapper::length);
            List<AnimlModel.Series> independents = new ArrayList<>();
            List<AnimlModel.Series> dependents = new ArrayList<>();
            for (AnimlModel.Series series : set.series) {
                ("independent".equalsIgnoreCase(series.dependency) ? independents : dependents).add(series);
            }
            // pyAnIML writes the index series beside the SeriesSet, directly in the Result
            result.series.stream().filter(s -> "independent".equalsIgnoreCase(s.dependency)).forEach(independents::add);
            if (length == null) {
                continue;
            }
            List<String> index = independents.isEmpty() ? null : values(independents.get(0), length, setPath + "/Series[" + independents.get(0).name + "]", fields);
            for (AnimlModel.Series series : dependents) {
                String seriesPath = setPath + "/Series[" + series.name + "]";
                if (index == null && length > 1) {
                    fields.error(seriesPath, "the dependent series has " + length + " values but the result has no independent series "
                            + "(e.g. a position or time axis) to tell them apart");
                    continue;
                }
                List<String> values = values(series, length, seriesPath, fields);
                QcEvaluation limits = limits(result, series.name, resultPath, fields);
                if (values == null || limits == null || technique == null || identity.product() == null || identity.batch() == null) {
                    continue;
                }
                String testCode = technique + "/" + series.name;
                boolean numeric = isNumeric(series.seriesType);
                for (int i = 0; i < values.size(); i++) {
                    String raw = values.get(i);
                    String where = seriesPath + "[" + i + "]";
                    BigDecimal number = numeric ? fields.required(where, raw, ExperimentStepMapper::decimal) : null;
                    Boolean oos;
                    if (number != null && limits.hasLimits()) {
                        oos = limits.outside(number);
                    } else if (unspecifiedAreInSpecification) {
                        oos = false;
                    } else {
                        fields.error(seriesPath, "no Specification category gives limits for series '" + series.name
                                + "', so whether its values are out of specification is unknown (see results-without-specification)");
                        break;
                    }
                    String valueSample = index == null ? sampleId : sampleId + "/" + index.get(i);
                    String unit = series.unit == null ? null : series.unit.label;
                    String text = number == null ? raw : null;
                    Boolean outOfSpecification = oos;
                    QcResult qc = fields.construct(where, () -> new QcResult(partner, identity.product(), identity.batch(), valueSample,
                            testCode, result.name, technique, limits.lowerLimit(), limits.upperLimit(), null, number, text, unit, outOfSpecification,
                            testedAt, null));
                    if (qc != null) {
                        out.add(qc);
                        if (qc.outOfSpecification()) {
                            out.add(OosQualityEvent.of(qc, oosSeverity, (testedAt != null ? testedAt : received).atZone(zone).toLocalDate()));
                        }
                    }
                }
            }
        }
        return fields.hasErrors() ? null : out;
    }

    /** The values of a series, expanded from an auto-increment, checked against the set's length. */
    private static List<String> values(AnimlModel.Series series, int length, String path, MappedFields fields) {
        if (series.encoded != null) {
            fields.error(path, "EncodedValueSet (base64 binary values) is not supported; write the values as an IndividualValueSet");
            return null;
        }
        if (series.autoIncremented != null) {
            BigDecimal start = fields.required(path + "/StartValue", series.autoIncremented.start == null ? null : series.autoIncremented.start.value(),
                    ExperimentStepMapper::decimal);
            BigDecimal step = fields.required(path + "/Increment", series.autoIncremented.increment == null ? null : series.autoIncremented.increment.value(),
                    ExperimentStepMapper::decimal);
            if (start == null || step == null) {
                return null;
            }
            List<String> values = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                values.add(start.add(step.multiply(BigDecimal.valueOf(i))).toPlainString());
            }
            return values;
        }
        if (series.individual == null) {
            fields.error(path, "the series has no values (IndividualValueSet or AutoIncrementedValueSet)");
            return null;
        }
        AnimlModel.IndividualValueSet set = series.individual;
        List<List<String>> typed = List.of(set.ints, set.longs, set.floats, set.doubles, set.strings, set.booleans);
        List<List<String>> used = typed.stream().filter(l -> !l.isEmpty()).toList();
        if (used.size() > 1) {
            fields.error(path, "the series mixes value types; a series holds one type (seriesType " + series.seriesType + ")");
            return null;
        }
        List<String> values = used.isEmpty() ? List.of() : used.get(0);
        if (values.size() != length) {
            fields.error(path, "the series has " + values.size() + " values but its SeriesSet says length " + length);
            return null;
        }
        return values.stream().map(String::strip).toList();
    }

    private static QcEvaluation limits(AnimlModel.Result result, String series, String path, MappedFields fields) {
        BigDecimal lower = null;
        BigDecimal upper = null;
        for (AnimlModel.Category category : result.categories) {
            if (!SPECIFICATION.equals(category.name) || !series.equals(parameter(category, "Series"))) {
                continue;
            }
            String where = path + "/Category[Specification:" + series + "]";
            lower = fields.optional(where + "/Lower Limit", parameter(category, "Lower Limit"), ExperimentStepMapper::decimal);
            upper = fields.optional(where + "/Upper Limit", parameter(category, "Upper Limit"), ExperimentStepMapper::decimal);
        }
        return new QcEvaluation(lower, upper);
    }

    private static String parameter(AnimlModel.Category category, String name) {
        return category.parameters.stream().filter(p -> name.equals(p.name)).map(AnimlModel.Parameter::value).findFirst().orElse(null);
    }

    private static boolean isNumeric(String seriesType) {
        String type = seriesType == null ? "" : seriesType.toLowerCase(Locale.ROOT);
        return type.startsWith("int") || type.startsWith("float") || type.startsWith("double") || type.equals("long");
    }

    private Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(raw).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidValueException("'" + raw + "' is not an ISO 8601 date-time");
            }
        }
    }

    private static Integer length(String raw) {
        try {
            int length = Integer.parseInt(raw);
            if (length < 1 || length > MAX_SERIES_LENGTH) {
                throw new InvalidValueException("SeriesSet length " + raw + " must be 1 to " + MAX_SERIES_LENGTH);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("SeriesSet length '" + raw + "' is not a whole number");
        }
    }

    static BigDecimal decimal(String raw) {
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + raw + "' is not a number");
        }
    }
}
