package io.cmohub.connector.b2mml;

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
import io.cmohub.model.BatchStatus;
import io.cmohub.model.EntityType;
import io.cmohub.model.Severity;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Format {@code b2mml}: MESA B2MML/BatchML V0700 from a CMO's MES. One connector for both documents
 * it maps, told apart by their root element: BatchProductionRecord (→ Batch, QcResult, OOS
 * QualityEvent) and MaterialInformation / SyncMaterialInformation (MaterialLot → Batch status).
 * The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.
 */
public final class B2mmlConnector implements CmoConnector {
    public static final String ID = "b2mml";

    static final String PRODUCT_CODES = ProductCodes.PROPERTY;
    static final String ACCEPT_PRODUCT_CODE_IDS = ProductCodes.ACCEPT_PROPERTY;
    static final String RECORD_STATUS_CODES = "record-status-codes";
    static final String LOT_STATUS_CODES = "lot-status-codes";
    static final String TEST_DISPOSITION_CODES = "test-disposition-codes";
    static final String EXPIRY_PROPERTY = "expiry-property";
    static final String OOS_SEVERITY = OosQualityEvent.SEVERITY_PROPERTY;
    static final String TIME_ZONE = "time-zone";

    /** A completed record is not a released batch: it waits for the QP, i.e. it is in quarantine. */
    static final String DEFAULT_RECORD_STATUS_CODES = "Planned=PLANNED;Scheduled=PLANNED;Running=IN_PROCESS;InProgress=IN_PROCESS;"
            + "Complete=QUARANTINED;Completed=QUARANTINED;Approved=RELEASED;Released=RELEASED;Rejected=REJECTED;Recalled=RECALLED";
    static final String DEFAULT_LOT_STATUS_CODES = "Planned=PLANNED;InProcess=IN_PROCESS;InProduction=IN_PROCESS;Packed=PACKED;Released=RELEASED;"
            + "Approved=RELEASED;Available=RELEASED;Quarantine=QUARANTINED;Quarantined=QUARANTINED;Blocked=QUARANTINED;OnHold=QUARANTINED;"
            + "Rejected=REJECTED;Recalled=RECALLED";
    static final String DEFAULT_TEST_DISPOSITION_CODES = "Pass=false;Passed=false;Conforms=false;Accepted=false;Complies=false;"
            + "Fail=true;Failed=true;OOS=true;Rejected=true;DoesNotComply=true";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "B2MML/BatchML V0700",
            "MESA B2MML/BatchML V0700 XML from a CMO's MES (namespace http://www.mesa.org/xml/B2MML). A BatchProductionRecord document "
                    + "(bare or in a Sync/Process/Show/Change BOD) gives one Batch per BatchProductionRecord plus one QcResult per "
                    + "Samples/Sample/SampleTest/SampleTestResult and an OOS quality event per result out of specification. A MaterialInformation "
                    + "document (bare or in a BOD) gives one Batch per MaterialLot with its Status. Older releases (V02, V0401, V0500, V0600) are "
                    + "recognised by namespace and refused as unsupported. Read element by element, so document size is not limited by memory. "
                    + "The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.",
            List.of("application/xml", "text/xml"),
            Set.of(EntityType.BATCH, EntityType.QC_RESULT, EntityType.QUALITY_EVENT),
            List.of(
                    ConfigProperty.optional(PRODUCT_CODES, "Product codes of material ids",
                            "Material ids (MaterialDefinitionID) mapped to GTIN-14 or PPN, as id=code separated by ';', e.g. "
                                    + "'Cough Syrup=05012345678900;CRBN0001=04150099999993'. Ids are compared without regard to case. A record whose material "
                                    + "is not listed (and is not itself a product code) is rejected.",
                            ConfigProperty.Type.STRING, ""),
                    ConfigProperty.optional(ACCEPT_PRODUCT_CODE_IDS, "Accept ids that are product codes",
                            "When true, a MaterialDefinitionID that is itself a valid 14-digit GTIN or 12-character PPN is used as the product code "
                                    + "without a product-codes entry. Shorter GTIN forms are never guessed from an id.",
                            ConfigProperty.Type.BOOLEAN, "true"),
                    ConfigProperty.optional(RECORD_STATUS_CODES, "Batch record status codes",
                            "BatchProductionRecord RecordStatus values mapped to batch statuses (" + statuses() + "), as code=STATUS separated by ';'. "
                                    + "An unlisted status rejects the record.",
                            ConfigProperty.Type.STRING, DEFAULT_RECORD_STATUS_CODES),
                    ConfigProperty.optional(LOT_STATUS_CODES, "Material lot status codes",
                            "MaterialLot Status values mapped to batch statuses (" + statuses() + "), as code=STATUS separated by ';'. An unlisted "
                                    + "status rejects the lot.",
                            ConfigProperty.Type.STRING, DEFAULT_LOT_STATUS_CODES),
                    ConfigProperty.optional(TEST_DISPOSITION_CODES, "Test disposition codes",
                            "SampleTestResult TestDisposition values mapped to out-of-specification true or false, as code=true|false separated by ';'. "
                                    + "An unlisted disposition rejects the record; without a disposition the ExpectedResults limits decide.",
                            ConfigProperty.Type.STRING, DEFAULT_TEST_DISPOSITION_CODES),
                    ConfigProperty.optional(EXPIRY_PROPERTY, "Expiry lot property",
                            "ID of the MaterialLotProperty that holds the lot's expiry date (xsd:date or xsd:dateTime; the date as written is used).",
                            ConfigProperty.Type.STRING, "ExpirationDate"),
                    OosQualityEvent.severityProperty(),
                    ConfigProperty.optional(TIME_ZONE, "Zone of local times",
                            "Time zone (IANA id, e.g. Europe/Berlin) for date-times written without an offset, and for the day an OOS event opens.",
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
        CodeList<BatchStatus> recordStatuses = CodeList.parse(RECORD_STATUS_CODES, config.string(RECORD_STATUS_CODES), CodeList.Matching.IGNORE_CASE, CodeList::batchStatus, problems);
        CodeList<BatchStatus> lotStatuses = CodeList.parse(LOT_STATUS_CODES, config.string(LOT_STATUS_CODES), CodeList.Matching.IGNORE_CASE, CodeList::batchStatus, problems);
        CodeList<Boolean> dispositions = CodeList.parse(TEST_DISPOSITION_CODES, config.string(TEST_DISPOSITION_CODES), CodeList.Matching.IGNORE_CASE, CodeList::outOfSpecification, problems);
        String expiryProperty = config.string(EXPIRY_PROPERTY);
        Severity severity = OosQualityEvent.severity(config);
        ZoneId zone = config.zone(TIME_ZONE);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(ID, problems);
        }
        V0700Values values = new V0700Values(zone);
        return new B2mmlParser(
                new BatchProductionRecordMapper(products, recordStatuses, new SampleTestResultMapper(dispositions, values), values, severity),
                new MaterialLotMapper(products, lotStatuses, expiryProperty),
                zone);
    }

    private static String statuses() {
        return Arrays.stream(BatchStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
    }


}
