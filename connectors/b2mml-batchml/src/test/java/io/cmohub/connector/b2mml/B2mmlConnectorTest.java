package io.cmohub.connector.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.ExternalTestData;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.QualityEvent;
import io.cmohub.model.QualityEventKind;
import io.cmohub.model.Severity;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B2mmlConnectorTest extends ConnectorConformanceTest {
    private static final String SYRUP = "05012345678900";
    private final B2mmlConnector connector = new B2mmlConnector();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return Map.of("product-codes", "Cough Syrup=" + SYRUP);
    }

    /** About 1.1 KB per BatchProductionRecord with one QC result; 125,000 of them make ~135 MB. */
    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SyncBatchProductionRecord xmlns=\"http://www.mesa.org/xml/B2MML\">\n"
                        + "<ApplicationArea><CreationDateTime>2025-03-02T08:00:00Z</CreationDateTime></ApplicationArea>\n<DataArea><Sync/>\n",
                i -> "<BatchProductionRecord><ID>BPR-" + i + "</ID><EntryID>BPR-" + i + "</EntryID><ObjectType>Batch Production Record</ObjectType>"
                        + "<BatchID>B" + i + "</BatchID><ExpirationDate>2027-06-30T00:00:00Z</ExpirationDate>"
                        + "<LastChangedDate>2025-03-01T09:15:30+01:00</LastChangedDate><MaterialDefinitionID>Cough Syrup</MaterialDefinitionID>"
                        + "<RecordStatus>Approved</RecordStatus>\n<Samples><Sample><EntryID>S-" + i + "</EntryID><ObjectType>Sample</ObjectType>"
                        + "<SampleTest><EntryID>T-" + i + "</EntryID><ObjectType>Sample Test</ObjectType><TestCode>ASSAY</TestCode>"
                        + "<TestName>Assay dextromethorphan HBr</TestName>\n<SampleTestResult><EntryID>R-" + i + "</EntryID>"
                        + "<ObjectType>Sample Test Result</ObjectType><TimeStamp>2025-02-27T14:20:00+01:00</TimeStamp>"
                        + "<TestDisposition>Pass</TestDisposition><AnalysisUsed>HPLC-UV</AnalysisUsed>\n"
                        + "<Results><ValueString>99.2</ValueString><DataType>decimal</DataType><UnitOfMeasure>%</UnitOfMeasure></Results>\n"
                        + "<ExpectedResults><ValueString>95.0</ValueString><DataType>decimal</DataType><UnitOfMeasure>%</UnitOfMeasure><Key>LowerLimit</Key></ExpectedResults>\n"
                        + "<ExpectedResults><ValueString>105.0</ValueString><DataType>decimal</DataType><UnitOfMeasure>%</UnitOfMeasure><Key>UpperLimit</Key></ExpectedResults>\n"
                        + "</SampleTestResult></SampleTest></Sample></Samples></BatchProductionRecord>\n",
                "</DataArea>\n</SyncBatchProductionRecord>\n", 125_000);
    }

    private DocumentReport run(Map<String, String> config, DocumentSource source, List<CanonicalRecord> out) throws Exception {
        return new DocumentRun(B2mmlConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)),
                connector.descriptor().defaultErrorPolicy()).deliver(source, CONTEXT, out::add);
    }

    @Test
    void theValidSamplesAreValidV0700Documents() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        File xsd = new File("src/main/xsd/b2mml-v0700");
        factory.newSchema(new File(xsd, "BatchML-BatchProductionRecord.xsd")).newValidator()
                .validate(new StreamSource(new File("src/test/resources/samples/valid/batch-production-records.xml")));
        factory.newSchema(new File(xsd, "B2MML-Material.xsd")).newValidator()
                .validate(new StreamSource(new File("src/test/resources/samples/valid/material-lots.xml")));
    }

    @Test
    void batchProductionRecordGivesTheBatchItsQcResultsAndAnOosEvent() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(sampleConfig(), DocumentSource.of(Path.of("src/test/resources/samples/valid/batch-production-records.xml")), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(2);
        Batch first = (Batch) out.get(0);
        assertThat(first.product().value()).isEqualTo(SYRUP);
        assertThat(first.batchId().value()).isEqualTo("B2025-0042");
        assertThat(first.status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(first.expiry().printed()).isEqualTo("270630");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
        QcResult assay = (QcResult) out.get(1);
        assertThat(assay.testCode()).isEqualTo("ASSAY");
        assertThat(assay.numericResult()).isEqualByComparingTo("99.2");
        assertThat(assay.lowerLimit()).isEqualTo(new BigDecimal("95.0"));
        assertThat(assay.upperLimit()).isEqualTo(new BigDecimal("105.0"));
        assertThat(assay.unit()).isEqualTo("%");
        assertThat(assay.method()).isEqualTo("HPLC-UV");
        assertThat(assay.sampleId()).isEqualTo("S-0042-01");
        assertThat(assay.outOfSpecification()).isFalse();
        assertThat(assay.testedAt()).isEqualTo(Instant.parse("2025-02-27T13:20:00Z"));
        QcResult appearance = (QcResult) out.get(2);
        assertThat(appearance.textResult()).isEqualTo("clear red syrup");
        assertThat(appearance.numericResult()).isNull();

        Batch second = (Batch) out.get(3);
        assertThat(second.status()).as("Completed = awaiting QP release").isEqualTo(BatchStatus.QUARANTINED);
        QcResult ph = (QcResult) out.get(4);
        assertThat(ph.outOfSpecification()).as("6.8 above the upper limit 6.5, no disposition given").isTrue();
        QualityEvent oos = (QualityEvent) out.get(5);
        assertThat(oos.kind()).isEqualTo(QualityEventKind.OOS);
        assertThat(oos.severity()).isEqualTo(Severity.MAJOR);
        assertThat(oos.openedOn()).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(oos.batches()).singleElement().satisfies(b -> assertThat(b.batchId().value()).isEqualTo("B2025-0043"));
        assertThat(oos.title()).isEqualTo("OOS: PH on batch B2025-0043 = 6.8, limits 4.5 to 6.5");
        assertThat(out).hasSize(6);
    }

    @Test
    void materialLotsGiveBatchStatuses() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(sampleConfig(), DocumentSource.of(Path.of("src/test/resources/samples/valid/material-lots.xml")), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(out).extracting(r -> ((Batch) r).batchId().value()).containsExactly("B2025-0042", "B2025-0043", "L-77/A");
        assertThat(out).extracting(r -> ((Batch) r).status()).containsExactly(BatchStatus.RELEASED, BatchStatus.QUARANTINED, BatchStatus.REJECTED);
        Batch first = (Batch) out.get(0);
        assertThat(first.expiry().date()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(first.actualQuantity().value()).isEqualTo(new BigDecimal("4980.5"));
        assertThat(first.actualQuantity().unit()).isEqualTo("L");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2025-03-05T09:30:00Z"));
        assertThat(((Batch) out.get(2)).product().value()).as("a PPN used as material id").isEqualTo("111234567842");
    }

    @Test
    void statusCodeListsAreOverridable() throws Exception {
        Map<String, String> config = new HashMap<>(sampleConfig());
        config.put("lot-status-codes", "Released=RELEASED;Quarantine=RELEASED;Rejected=REJECTED");
        List<CanonicalRecord> out = new ArrayList<>();
        run(config, DocumentSource.of(Path.of("src/test/resources/samples/valid/material-lots.xml")), out);
        assertThat(((Batch) out.get(1)).status()).isEqualTo(BatchStatus.RELEASED);
    }

    @Test
    void badConfigurationIsRefusedWithEveryProblem() {
        // a zone is a typed property: refused when the configuration is built, before the connector opens
        assertThatThrownBy(() -> ConnectorConfig.of(connector.descriptor(), Map.of("time-zone", "Mars/Olympus")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).contains("'time-zone' is not a time zone id")));
        assertThatThrownBy(() -> connector.open(ConnectorConfig.of(connector.descriptor(),
                Map.of("product-codes", "Cough Syrup=123;Lozenges", "lot-status-codes", "Released=SHIPPED"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).contains("Cough Syrup=123"))
                        .anySatisfy(p -> assertThat(p).contains("'Lozenges' is not of the form code=value"))
                        .anySatisfy(p -> assertThat(p).contains("'SHIPPED' is not a batch status")));
    }

    @Test
    void aDateTimeWithoutOffsetIsReadInTheConfiguredZone() throws Exception {
        String xml = "<BatchProductionRecord xmlns=\"http://www.mesa.org/xml/B2MML\"><ID>1</ID><EntryID>1</EntryID>"
                + "<ObjectType>Batch Production Record</ObjectType><BatchID>B1</BatchID><LastChangedDate>2025-03-01T09:00:00</LastChangedDate>"
                + "<MaterialDefinitionID>Cough Syrup</MaterialDefinitionID><RecordStatus>Running</RecordStatus></BatchProductionRecord>";
        Map<String, String> config = new HashMap<>(sampleConfig());
        config.put("time-zone", "Europe/Paris");
        List<CanonicalRecord> out = new ArrayList<>();
        run(config, DocumentSource.of(xml.getBytes(StandardCharsets.UTF_8)), out);
        assertThat(((Batch) out.get(0)).updatedAt()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    }

    // --- the public MESA examples, read in place: every one is an older release or no B2MML at all ---

    @ParameterizedTest
    @CsvSource({
            "examples/batchml-v0401-rockwell-batch-record/ProductionBatchRecord_Example_v06.xml, unsupported B2MML version V0401 (root element BatchProductionRecord",
            "examples/batchml-v02-cough-syrup/cough-syrup-pmw.xml, unsupported B2MML version V02 (root element BatchInformation in namespace http://www.wbf.org/xml/BatchML-V02)",
            "examples/b2mml-v0401-courbon/LOT-20121210170718-0001L0001.xml, unsupported B2MML version V0401 (root element SyncMaterialInformation",
            "examples/b2mml-v0401-courbon/INV-20121210175555-0001L0001_01.xml, unsupported B2MML version V0401 (root element SyncMaterialInformation",
            "examples/b2mml-v0401-courbon/MAT-20121210170256-CRBN0001.xml, unsupported B2MML version V0401 (root element SyncMaterialDefinition",
            "examples/b2mml-v0401-courbon/PES-20121229115825-53107.xml, unsupported B2MML version V0401 (root element SyncProductionPerformance",
            "examples/b2mml-v0401-courbon/PRO-20121210181416-27942.xml, unsupported B2MML version V0401 (root element SyncProductionSchedule",
            "examples/batchml-v02-cough-syrup/cough-syrup-pmw_property.xml, not a B2MML/BatchML document: root element properties is in namespace http://xmlns.xfy.com/properties"
    })
    void publicMesaExamplesAreRecognisedByNamespaceAndRefusedNeverMisread(String file, String reason) throws Exception {
        Path path = ExternalTestData.require("mesa-b2mml-batchml/" + file);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of("product-codes", "Cough Syrup Demo=" + SYRUP + ";000399FG01=" + SYRUP + ";CRBN0001=" + SYRUP),
                DocumentSource.of(path), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(out).isEmpty();
        assertThat(report.sourceEvents()).isZero();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains(reason);
            assertThat(e.location()).startsWith("line ");
        });
    }
}
