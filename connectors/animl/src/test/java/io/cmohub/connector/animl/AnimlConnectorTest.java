package io.cmohub.connector.animl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.ExternalTestData;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.QualityEvent;
import io.cmohub.model.QualityEventKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnimlConnectorTest extends ConnectorConformanceTest {
    private static final String SYRUP = "05012345678900";
    /** The pyAnIML files name neither product nor batch: the plate's name is taken as batch, the product is fixed. */
    private static final Map<String, String> PYANIML = Map.of("product-codes", "Microplate demo=" + SYRUP, "product-from", "fixed:Microplate demo",
            "batch-from", "sample-name", "results-without-specification", "within-specification");
    private final AnimlConnector connector = new AnimlConnector();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return Map.of("product-codes", "DXM syrup=" + SYRUP);
    }

    /** About 1 KB per ExperimentStep with one assay value; 170,000 of them make ~143 MB. */
    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AnIML xmlns=\"urn:org:astm:animl:schema:core:draft:0.90\" version=\"0.90\">\n"
                        + "<SampleSet><Sample sampleID=\"S-1\" name=\"release sample\"><Category name=\"Sample Information\">"
                        + "<Parameter name=\"Product\" parameterType=\"String\"><S>DXM syrup</S></Parameter>"
                        + "<Parameter name=\"Batch\" parameterType=\"String\"><S>B2025-0042</S></Parameter></Category></Sample></SampleSet>\n<ExperimentStepSet>\n",
                i -> "<ExperimentStep name=\"assay " + i + "\" experimentStepID=\"ES-" + i + "\"><Technique name=\"HPLC-UV Assay\" uri=\"\"/>"
                        + "<Infrastructure><SampleReferenceSet><SampleReference sampleID=\"S-1\" role=\"Test Sample\" samplePurpose=\"consumed\"/>"
                        + "</SampleReferenceSet><Timestamp>2025-02-27T14:20:00+01:00</Timestamp></Infrastructure>\n<Result name=\"Assay " + i + "\">"
                        + "<SeriesSet name=\"Assay\" length=\"1\"><Series name=\"Content\" seriesType=\"Float64\" dependency=\"dependent\" seriesID=\"content\">"
                        + "<Unit label=\"%\"/><IndividualValueSet><D>99.2</D></IndividualValueSet></Series></SeriesSet>\n"
                        + "<Category name=\"Specification\"><Parameter name=\"Series\" parameterType=\"String\"><S>Content</S></Parameter>"
                        + "<Parameter name=\"Lower Limit\" parameterType=\"Float64\"><D>95.0</D></Parameter>"
                        + "<Parameter name=\"Upper Limit\" parameterType=\"Float64\"><D>105.0</D></Parameter></Category></Result></ExperimentStep>\n",
                "</ExperimentStepSet>\n<AuditTrailEntrySet/>\n</AnIML>\n", 170_000);
    }

    private DocumentReport run(Map<String, String> config, Path file, List<CanonicalRecord> out) throws Exception {
        return new DocumentRun(AnimlConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)),
                connector.descriptor().defaultErrorPolicy()).deliver(DocumentSource.of(file), CONTEXT, out::add);
    }

    @Test
    void assayAndPhStepsGiveQcResultsAndAnOosEvent() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(sampleConfig(), Path.of("src/test/resources/samples/valid/assay-results.animl"), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(2);
        QcResult assay = (QcResult) out.get(0);
        assertThat(assay.product().value()).isEqualTo(SYRUP);
        assertThat(assay.batchId().value()).isEqualTo("B2025-0042");
        assertThat(assay.sampleId()).isEqualTo("S-0042-01");
        assertThat(assay.testCode()).isEqualTo("HPLC-UV Assay/Content");
        assertThat(assay.numericResult()).isEqualTo(new BigDecimal("99.2"));
        assertThat(assay.unit()).isEqualTo("%");
        assertThat(assay.lowerLimit()).isEqualTo(new BigDecimal("95.0"));
        assertThat(assay.outOfSpecification()).isFalse();
        assertThat(assay.testedAt()).isEqualTo(Instant.parse("2025-02-27T13:20:00Z"));
        QcResult ph1 = (QcResult) out.get(1);
        assertThat(ph1.sampleId()).as("sample id / replicate number").isEqualTo("S-0042-01/1");
        assertThat(ph1.outOfSpecification()).isFalse();
        QcResult ph2 = (QcResult) out.get(2);
        assertThat(ph2.sampleId()).isEqualTo("S-0042-01/2");
        assertThat(ph2.numericResult()).isEqualTo(new BigDecimal("6.8"));
        assertThat(ph2.outOfSpecification()).isTrue();
        QualityEvent oos = (QualityEvent) out.get(3);
        assertThat(oos.kind()).isEqualTo(QualityEventKind.OOS);
        assertThat(oos.openedOn()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(oos.title()).isEqualTo("OOS: pH/pH on batch B2025-0042 = 6.8, limits 4.5 to 6.5");
        assertThat(out).hasSize(4);
    }

    // --- the public pyAnIML files, read in place ---

    @Test
    void pyAnimlValidDocumentGivesOneResultPerWellAndSeries() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(PYANIML, ExternalTestData.require("animl-pyaniml/valid.animl"), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(1);
        // the Position series (written beside the SeriesSet) indexes 4 wells of "Value" and of "Measurement Delay"
        assertThat(out).hasSize(8);
        QcResult first = (QcResult) out.get(0);
        assertThat(first.product().value()).isEqualTo(SYRUP);
        assertThat(first.batchId().value()).isEqualTo("Sample_1");
        assertThat(first.sampleId()).isEqualTo("plate_0/0");
        assertThat(first.testCode()).isEqualTo("Microplate Read/Value");
        assertThat(first.testName()).isEqualTo("Read");
        assertThat(first.method()).isEqualTo("Microplate Read");
        assertThat(first.numericResult()).isEqualTo(new BigDecimal("0.0996"));
        assertThat(first.outOfSpecification()).isFalse();
        assertThat(first.testedAt()).isNull();
        assertThat(out).extracting(r -> ((QcResult) r).numericResult().toPlainString())
                .containsExactly("0.0996", "0.2146", "0.1679", "0.1395", "0.26", "0.92", "1.58", "2.23");
        assertThat(((QcResult) out.get(7)).testCode()).isEqualTo("Microplate Read/Measurement Delay");
        assertThat(((QcResult) out.get(7)).sampleId()).isEqualTo("plate_0/3");
    }

    @Test
    void pyAnimlStrictDocumentGivesTheFourWells() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(PYANIML, ExternalTestData.require("animl-pyaniml/strict.animl"), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(out).extracting(r -> ((QcResult) r).sampleId()).containsExactly("plate_0/0", "plate_0/1", "plate_0/2", "plate_0/3");
        assertThat(out).extracting(r -> ((QcResult) r).numericResult().toPlainString()).containsExactly("0.0996", "0.2146", "0.1679", "0.1395");
    }

    @Test
    void pyAnimlRealLifeDocumentGivesTwoPlatesOf96Wells() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(PYANIML, ExternalTestData.require("animl-pyaniml/real_life.animl"), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(2);
        // 2 experiment steps x 4 dependent series (Value, Measurement Delay, Saturated, Sample Group) x 96 wells
        assertThat(out).hasSize(768);
        QcResult first = (QcResult) out.get(0);
        assertThat(first.batchId().value()).isEqualTo("Sample1");
        assertThat(first.sampleId()).isEqualTo("plate_0/0");
        assertThat(first.numericResult()).isEqualTo(new BigDecimal("0.0996"));
        assertThat(first.testedAt()).as("2020-06-22T11:38:00 without offset, read as UTC").isEqualTo(Instant.parse("2020-06-22T11:38:00Z"));
        QcResult lastValue = (QcResult) out.get(95);
        assertThat(lastValue.sampleId()).isEqualTo("plate_0/95");
        assertThat(lastValue.numericResult()).isEqualTo(new BigDecimal("0.0489"));
        QcResult saturated = (QcResult) out.get(192);
        assertThat(saturated.testCode()).isEqualTo("Microplate Read/Saturated");
        assertThat(saturated.numericResult()).isNull();
        assertThat(saturated.textResult()).isIn("true", "false");
        assertThat(((QcResult) out.get(288)).testCode()).isEqualTo("Microplate Read/Sample Group");
    }

    @Test
    void pyAnimlNonValidDocumentIsRejectedForItsMissingPositionSeries() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(PYANIML, ExternalTestData.require("animl-pyaniml/non_valid.animl"), out);

        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(out).isEmpty();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("ExperimentStep 1 'absorbance_0' (line 10)");
            assertThat(e.field()).isEqualTo("Result[Read]/SeriesSet[Read]/Series[Value]");
            assertThat(e.reason()).isEqualTo("the dependent series has 4 values but the result has no independent series "
                    + "(e.g. a position or time axis) to tell them apart");
        });
    }

    @Test
    void pyAnimlExampleWithoutNamespaceIsReadWithANoticeAndJudgedOnWhatItSays() throws Exception {
        DocumentReport report = run(PYANIML, ExternalTestData.require("animl-pyaniml/example.animl"), new ArrayList<>());

        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("line 2");
            assertThat(n.message()).startsWith("the root element AnIML has no namespace; the document was read as AnIML 0.90");
        });
        // read, it is refused for what it lacks, not for its form
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors()).extracting(e -> e.field() + ": " + e.reason()).containsExactly(
                "Technique: the experiment step names no Technique, which the test code is made of",
                "Result[null]/SeriesSet[Sound output]/@length: Result[null]/SeriesSet[Sound output]/@length is required");
    }

    @Test
    void withTheDefaultsThePyAnimlSamplesLackABatchAndResultsLackLimits() throws Exception {
        DocumentReport report = run(Map.of(), ExternalTestData.require("animl-pyaniml/strict.animl"), new ArrayList<>());

        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors()).extracting(e -> e.field() + ": " + e.reason()).containsExactly(
                "Sample[plate_0]/product: sample 'plate_0' has no parameter 'Product' (product-from)",
                "Sample[plate_0]/batch: sample 'plate_0' has no parameter 'Batch' (batch-from)");
    }
}
