package io.cmohub.connector.animl;

import io.cmohub.connector.quality.OosQualityEvent;
import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.codes.ProductCodes;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.model.EntityType;
import io.cmohub.model.Severity;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Format {@code animl}: AnIML (ASTM E1947, core schema draft 0.90) documents from a CMO's or
 * contract lab's instruments and LIMS. Each ExperimentStep is one source record; its result values
 * become QcResults (and OOS quality events) for the batch of the sample it references.
 */
public final class AnimlConnector implements CmoConnector {
    public static final String ID = "animl";

    static final String PRODUCT_CODES = ProductCodes.PROPERTY;
    static final String ACCEPT_PRODUCT_CODE_IDS = ProductCodes.ACCEPT_PROPERTY;
    static final String PRODUCT_FROM = "product-from";
    static final String BATCH_FROM = "batch-from";
    static final String RESULTS_WITHOUT_SPECIFICATION = "results-without-specification";
    static final String OOS_SEVERITY = OosQualityEvent.SEVERITY_PROPERTY;
    static final String TIME_ZONE = "time-zone";

    static final String REJECT = "reject";
    static final String WITHIN_SPECIFICATION = "within-specification";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "AnIML lab results",
            "AnIML documents (namespace urn:org:astm:animl:schema:core:draft:0.90) with lab results. Samples of the SampleSet name the product and "
                    + "batch (see product-from and batch-from); every value of every dependent Series of an ExperimentStep's Results becomes a QcResult, "
                    + "indexed by the step's independent series (e.g. a plate position). Limits come from Result Categories named Specification "
                    + "(Parameters Series, Lower Limit, Upper Limit); a value outside them also gives an OOS quality event. Read step by step.",
            List.of("application/xml", "text/xml"),
            Set.of(EntityType.QC_RESULT, EntityType.QUALITY_EVENT),
            List.of(
                    ConfigProperty.optional(PRODUCT_CODES, "Product codes of product ids",
                            "Product or material ids of the samples mapped to GTIN-14 or PPN, as id=code separated by ';', e.g. "
                                    + "'DXM syrup=05012345678900'. Ids are compared without regard to case; an unmapped id rejects the step's results.",
                            ConfigProperty.Type.STRING, ""),
                    ConfigProperty.optional(ACCEPT_PRODUCT_CODE_IDS, "Accept ids that are product codes",
                            "When true, a product id that is itself a valid 14-digit GTIN or 12-character PPN needs no product-codes entry.",
                            ConfigProperty.Type.BOOLEAN, "true"),
                    ConfigProperty.optional(PRODUCT_FROM, "Where the product id is",
                            "parameter:<name> (a Parameter of the Sample, in any Category), sample-name, sample-id, or fixed:<id> when a document "
                                    + "only ever concerns one product.",
                            ConfigProperty.Type.STRING, "parameter:Product"),
                    ConfigProperty.optional(BATCH_FROM, "Where the batch id is",
                            "parameter:<name> (a Parameter of the Sample, in any Category), sample-name or sample-id.",
                            ConfigProperty.Type.STRING, "parameter:Batch"),
                    ConfigProperty.oneOf(RESULTS_WITHOUT_SPECIFICATION, "Results without limits",
                            "What a numeric or text result without Specification limits means: reject (the step is rejected, nothing is assumed) "
                                    + "or within-specification (reported with outOfSpecification false, for data that is evaluated elsewhere).",
                            REJECT, List.of(REJECT, WITHIN_SPECIFICATION)),
                    OosQualityEvent.severityProperty(),
                    ConfigProperty.optional(TIME_ZONE, "Zone of local timestamps",
                            "Time zone (IANA id) for Timestamps written without offset, and for the day an OOS event opens.",
                            ConfigProperty.Type.ZONE_ID, "UTC")),
            ErrorPolicy.ACCEPT_VALID);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        ProductCodes products = ProductCodes.from(config, CodeList.Matching.IGNORE_CASE, problems);
        SampleField product = SampleField.parse(PRODUCT_FROM, config.string(PRODUCT_FROM), true, problems);
        SampleField batch = SampleField.parse(BATCH_FROM, config.string(BATCH_FROM), false, problems);
        boolean within = WITHIN_SPECIFICATION.equals(config.string(RESULTS_WITHOUT_SPECIFICATION));
        Severity severity = OosQualityEvent.severity(config);
        ZoneId zone = config.zone(TIME_ZONE);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(ID, problems);
        }
        return new AnimlParser(products, product, batch, new AnimlMappingPolicy(within, zone, severity));
    }
}
