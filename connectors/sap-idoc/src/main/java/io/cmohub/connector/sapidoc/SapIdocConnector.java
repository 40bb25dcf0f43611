package io.cmohub.connector.sapidoc;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Format {@code sap-idoc}: IDoc-XML files written by a CMO's SAP system (an XML-file port), one
 * IDoc type per file: batch master BATMAS01-03 (→ Batch) or inspection results QALITY01 (→ QcResult
 * and OOS QualityEvent). No public IDoc samples exist; the segment layout read here is documented
 * in the module README and must be confirmed against the partner's own IDoc definition (WE60).
 */
public final class SapIdocConnector implements CmoConnector {
    public static final String ID = "sap-idoc";

    static final String PRODUCT_CODES = ProductCodes.PROPERTY;
    static final String ACCEPT_PRODUCT_CODE_IDS = ProductCodes.ACCEPT_PROPERTY;
    static final String BATCH_STATUS_CODES = "batch-status-codes";
    static final String VALUATION_CODES = "valuation-codes";
    static final String SENDER_PARTNERS = "sender-partners";
    static final String OOS_SEVERITY = OosQualityEvent.SEVERITY_PROPERTY;
    static final String TIME_ZONE = "time-zone";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "SAP IDoc XML (BATMAS, QALITY)",
            "IDoc-XML files from a CMO's SAP system: root element = IDoc basic type, one IDOC element per IDoc, each with its control record "
                    + "EDI_DC40. BATMAS01-03 batch master IDocs (E1BATMAS: MATNR, CHARG, VFDAT, HSDAT, ZUSTD, LVORM) give one Batch each; "
                    + "QALITY01 inspection result IDocs (E1QALS lot → E1QAMV characteristic → E1QAMR result) give one QcResult per result and "
                    + "an OOS quality event per result out of specification. Read IDoc by IDoc, so file size is not limited by memory.",
            List.of("application/xml", "text/xml"),
            Set.of(EntityType.BATCH, EntityType.QC_RESULT, EntityType.QUALITY_EVENT),
            List.of(
                    ConfigProperty.optional(PRODUCT_CODES, "Product codes of material numbers",
                            "SAP material numbers (MATNR) mapped to GTIN-14 or PPN, as matnr=code separated by ';', e.g. '100042=05012345678900'. "
                                    + "All-digit numbers are compared without leading zeros (SAP ALPHA conversion). An unlisted material is rejected.",
                            ConfigProperty.Type.STRING, ""),
                    ConfigProperty.optional(ACCEPT_PRODUCT_CODE_IDS, "Accept material numbers that are codes",
                            "When true, a MATNR that is itself a valid 14-digit GTIN or 12-character PPN (as written, without padding) is used "
                                    + "without a product-codes entry.",
                            ConfigProperty.Type.BOOLEAN, "true"),
                    ConfigProperty.optional(BATCH_STATUS_CODES, "Batch status codes",
                            "E1BATMAS ZUSTD (batch in restricted use) values mapped to batch statuses, as code=STATUS separated by ';'; the code "
                                    + "'blank' stands for an empty ZUSTD (unrestricted use). An unlisted value rejects the IDoc.",
                            ConfigProperty.Type.STRING, "X=QUARANTINED;blank=RELEASED"),
                    ConfigProperty.optional(VALUATION_CODES, "Result valuation codes",
                            "E1QAMR MBEWERTG valuation codes mapped to out-of-specification true or false, as code=true|false separated by ';'. "
                                    + "An unlisted code rejects the IDoc; without a valuation the tolerance limits decide.",
                            ConfigProperty.Type.STRING, "A=false;R=true"),
                    ConfigProperty.optional(SENDER_PARTNERS, "Allowed sender partners",
                            "Logical systems (EDI_DC40 SNDPRN) this partner's IDocs may come from, separated by ','. Empty accepts any sender.",
                            ConfigProperty.Type.STRING, ""),
                    OosQualityEvent.severityProperty(),
                    ConfigProperty.optional(TIME_ZONE, "SAP system time zone",
                            "Time zone (IANA id) of the sending SAP system: IDoc dates and times (CREDAT/CRETIM, PRUEFDATUV/PRUEFZEITV) carry none.",
                            ConfigProperty.Type.ZONE_ID, "UTC")),
            ErrorPolicy.ACCEPT_VALID);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        ProductCodes products = ProductCodes.from(config, CodeList.Matching.IGNORE_CASE_AND_LEADING_ZEROS, problems);
        CodeList<BatchStatus> statuses = CodeList.parse(BATCH_STATUS_CODES, config.string(BATCH_STATUS_CODES), CodeList.Matching.IGNORE_CASE_AND_LEADING_ZEROS, CodeList::batchStatus, problems);
        CodeList<Boolean> valuations = CodeList.parse(VALUATION_CODES, config.string(VALUATION_CODES), CodeList.Matching.IGNORE_CASE_AND_LEADING_ZEROS, CodeList::outOfSpecification, problems);
        Set<String> senders = new LinkedHashSet<>();
        for (String sender : config.string(SENDER_PARTNERS).split(",")) {
            if (!sender.isBlank()) {
                senders.add(sender.strip());
            }
        }
        Severity severity = OosQualityEvent.severity(config);
        ZoneId zone = config.zone(TIME_ZONE);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(ID, problems);
        }
        SapValues values = new SapValues(zone);
        return new IdocParser(new BatchMasterMapper(products, statuses), new InspectionResultMapper(products, valuations, values, severity),
                Set.copyOf(senders), values);
    }


}
