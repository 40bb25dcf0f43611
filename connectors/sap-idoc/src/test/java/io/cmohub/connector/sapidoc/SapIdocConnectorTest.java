package io.cmohub.connector.sapidoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.QualityEvent;
import io.cmohub.model.QualityEventKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SapIdocConnectorTest extends ConnectorConformanceTest {
    private static final String SYRUP = "05012345678900";
    private final SapIdocConnector connector = new SapIdocConnector();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return Map.of("product-codes", "100042=" + SYRUP, "sender-partners", "ACMECLNT100", "time-zone", "Europe/Berlin");
    }

    /** About 1 KB per QALITY IDoc with one result; 150,000 of them make ~138 MB. */
    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<QALITY01>\n",
                i -> "<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>" + (4_000_000_000L + i)
                        + "</DOCNUM><DIRECT>1</DIRECT><IDOCTYP>QALITY01</IDOCTYP><MESTYP>QALITY</MESTYP><SNDPOR>SAPP01</SNDPOR><SNDPRT>LS</SNDPRT>"
                        + "<SNDPRN>ACMECLNT100</SNDPRN><RCVPOR>CMOHUB</RCVPOR><RCVPRT>LS</RCVPRT><RCVPRN>CMOHUB</RCVPRN><CREDAT>20250228</CREDAT>"
                        + "<CRETIM>080000</CRETIM></EDI_DC40>\n<E1QALS SEGMENT=\"1\"><PRUEFLOS>" + (40_000_000_000L + i) + "</PRUEFLOS><MATNR>000000000000100042</MATNR>"
                        + "<CHARG>B" + i + "</CHARG>\n<E1QAMV SEGMENT=\"1\"><MERKNR>0010</MERKNR><VERWMERKM>ASSAY</VERWMERKM><KURZTEXT>Assay dextromethorphan HBr"
                        + "</KURZTEXT><PMETHODE>HPLC-UV</PMETHODE><TOLERANZUN>9.5000000000000E+01</TOLERANZUN><TOLERANZOB>1.0500000000000E+02</TOLERANZOB>"
                        + "<MASSEINHSW>%</MASSEINHSW>\n<E1QAMR SEGMENT=\"1\"><MITTELWERT>9.9200000000000E+01</MITTELWERT><MBEWERTG>A</MBEWERTG>"
                        + "<PRUEFDATUV>20250227</PRUEFDATUV><PRUEFZEITV>142000</PRUEFZEITV></E1QAMR></E1QAMV></E1QALS></IDOC>\n",
                "</QALITY01>\n", 150_000);
    }

    private DocumentReport run(Map<String, String> config, DocumentSource source, List<CanonicalRecord> out) throws Exception {
        return new DocumentRun(SapIdocConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)),
                connector.descriptor().defaultErrorPolicy()).deliver(source, CONTEXT, out::add);
    }

    @Test
    void batchMasterIdocsGiveBatches() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(sampleConfig(), DocumentSource.of(Path.of("src/test/resources/samples/valid/batch-master.xml")), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(3);
        Batch first = (Batch) out.get(0);
        assertThat(first.product().value()).as("MATNR 000000000000100042 = 100042 after ALPHA conversion").isEqualTo(SYRUP);
        assertThat(first.batchId().value()).isEqualTo("B2025-0042");
        assertThat(first.status()).as("empty ZUSTD = unrestricted").isEqualTo(BatchStatus.RELEASED);
        assertThat(first.expiry().printed()).isEqualTo("270630");
        assertThat(first.manufacturedOn()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(first.updatedAt()).as("CREDAT/CRETIM in Europe/Berlin").isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
        Batch second = (Batch) out.get(1);
        assertThat(second.status()).as("ZUSTD X = restricted").isEqualTo(BatchStatus.QUARANTINED);
        assertThat(second.expiry()).as("VFDAT 00000000 = no date").isNull();
        assertThat(((Batch) out.get(2)).product().value()).as("a MATNR that is a GTIN-14").isEqualTo(SYRUP);
    }

    @Test
    void inspectionResultIdocsGiveQcResultsAndOosEvents() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(sampleConfig(), DocumentSource.of(Path.of("src/test/resources/samples/valid/inspection-results.xml")), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(out).hasSize(4);
        QcResult assay = (QcResult) out.get(0);
        assertThat(assay.sampleId()).isEqualTo("040000001234");
        assertThat(assay.testCode()).isEqualTo("ASSAY");
        assertThat(assay.numericResult()).as("SAP floating point 9.92E+01").isEqualTo(new BigDecimal("99.2"));
        assertThat(assay.lowerLimit()).isEqualTo(new BigDecimal("95"));
        assertThat(assay.upperLimit()).isEqualTo(new BigDecimal("105"));
        assertThat(assay.outOfSpecification()).isFalse();
        assertThat(assay.testedAt()).isEqualTo(Instant.parse("2025-02-27T13:20:00Z"));
        QcResult appearance = (QcResult) out.get(1);
        assertThat(appearance.textResult()).isEqualTo("clear red syrup");
        QcResult ph = (QcResult) out.get(2);
        assertThat(ph.outOfSpecification()).isTrue();
        QualityEvent oos = (QualityEvent) out.get(3);
        assertThat(oos.kind()).isEqualTo(QualityEventKind.OOS);
        assertThat(oos.title()).isEqualTo("OOS: PH on batch B2025-0043 = 6.8, limits 4.5 to 6.5");
        assertThat(oos.openedOn()).isEqualTo(LocalDate.of(2025, 3, 2));
    }

    @Test
    void trailingMinusIsSapsNegativeSign() {
        assertThat(SapValues.number("12.5-")).isEqualTo(new BigDecimal("-12.5"));
        assertThat(SapValues.number("1.0000000000000E-03")).isEqualTo(new BigDecimal("0.001"));
    }

    @Test
    void anyWellFormedSenderIsAcceptedWhenNoneIsConfigured() throws Exception {
        Map<String, String> config = new HashMap<>(sampleConfig());
        config.remove("sender-partners");
        String xml = "<BATMAS03><IDOC BEGIN=\"1\"><EDI_DC40><IDOCTYP>BATMAS03</IDOCTYP><MESTYP>BATMAS</MESTYP><SNDPRN>ANYSYS</SNDPRN></EDI_DC40>"
                + "<E1BATMAS><MATNR>100042</MATNR><CHARG>B1</CHARG></E1BATMAS></IDOC></BATMAS03>";
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(config, DocumentSource.of(xml.getBytes(StandardCharsets.UTF_8)), out);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(((Batch) out.get(0)).updatedAt()).isNull();
    }
}
