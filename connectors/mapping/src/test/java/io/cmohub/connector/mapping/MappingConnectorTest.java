package io.cmohub.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.model.Batch;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of mappings beyond the reference samples: conditions, skipped rows, JSON lines, repeated XML elements, loading from folders. */
class MappingConnectorTest {
    private static final DocumentContext CONTEXT = new DocumentContext(PartnerId.of("acme-cmo"), "test", Instant.EPOCH);

    @TempDir
    Path dir;

    private MappingConnector mapping(String yaml) throws IOException {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml);
        return Mappings.file(file, getClass().getClassLoader());
    }

    private static DocumentReport run(MappingConnector connector, String document, List<CanonicalRecord> out) throws IOException {
        return new DocumentRun(connector.descriptor().id(), connector.open(ConnectorConfig.defaults(connector.descriptor())),
                connector.descriptor().defaultErrorPolicy()).deliver(DocumentSource.of(document.getBytes(StandardCharsets.UTF_8)), CONTEXT, out::add);
    }

    private static final String HEADER = """
            id: lims-lines
            title: LIMS lines
            description: LIMS results, one JSON object per line
            source: {format: json, lines: true}
            """;

    @Test
    void conditionsChooseOutputsAndARecordNoOutputTakesIsRejected() throws IOException {
        MappingConnector connector = mapping(HEADER + """
                records:
                  - entity: qc-result
                    when: {from: kind, in: [release, stability]}
                    fields:
                      product: gtin
                      batchId: lot
                      testCode: test
                      numericResult: value
                      outOfSpecification: {from: oos, convert: boolean}
                """);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(connector, """
                {"kind": "release", "gtin": "05012345678900", "lot": "B1", "test": "ASSAY", "value": 99.40, "oos": "no"}
                {"kind": "in-process", "gtin": "05012345678900", "lot": "B1", "test": "PH", "value": 7, "oos": "no"}
                """, out);
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.sourceEvents()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.reason()).contains("no output of mapping lims-lines applies");
        });
    }

    @Test
    void columnsTheMappingDoesNotReadAreANoticeNotAnError() throws IOException {
        MappingConnector connector = mapping("""
                id: acme-batches
                title: ACME batches
                description: batch list
                source: {format: csv, delimiter: ';'}
                records:
                  - entity: batch
                    fields:
                      product: GTIN
                      batchId: Charge
                      status: {const: RELEASED}
                """);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(connector, "GTIN;Charge;Verfall;Bemerkung\n05012345678900;B1;31.12.2027;QA ok\n", out);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(out).hasSize(1);
        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("line 1");
            assertThat(n.message()).startsWith("2 columns are not read by the mapping: Verfall, Bemerkung");
        });
    }

    @Test
    void skippedRowsAreNotRecordsAndConcatAndConstantsFill() throws IOException {
        MappingConnector connector = mapping("""
                id: lots
                title: Lots
                description: Lot list with a totals row
                source: {format: csv, delimiter: "|"}
                skip: {from: Lot, matches: "(?i)total.*"}
                records:
                  - entity: batch
                    fields:
                      product: GTIN
                      batchId: {concat: [Year, Lot], separator: "-"}
                      status: {const: RELEASED}
                      markets: {from: Markets, split: ";", convert: upper}
                """);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(connector, "GTIN|Year|Lot|Markets\n05012345678900|2025|0042|de;fr\n|||\n||Totals|\n", out);
        assertThat(report.errors()).isEmpty();
        assertThat(report.sourceEvents()).isEqualTo(1);
        Batch batch = (Batch) out.get(0);
        assertThat(batch.batchId().value()).isEqualTo("2025-0042");
        assertThat(batch.markets()).extracting(m -> m.code()).containsExactly("DE", "FR");
        assertThat(batch.partner()).isEqualTo(PartnerId.of("acme-cmo"));
    }

    @Test
    void repeatedXmlElementsAreAddressedByIndexAndNamespacesIgnored() throws IOException {
        MappingConnector connector = mapping("""
                id: results-xml
                title: Results XML
                description: LIMS results as XML with repeated readings
                source: {format: xml, record: Sample}
                records:
                  - entity: qc-result
                    fields:
                      product: "@gtin"
                      batchId: Lot
                      testCode: Reading[2]/@test
                      numericResult: Reading[2]
                      outOfSpecification: {const: "false"}
                """);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(connector, """
                <r:Results xmlns:r="urn:lims"><r:Sample gtin="05012345678900"><r:Lot>B1</r:Lot>
                  <r:Reading test="PH">7.1</r:Reading><r:Reading test="ASSAY">99.5</r:Reading></r:Sample></r:Results>
                """, out);
        assertThat(report.errors()).isEmpty();
        QcResult result = (QcResult) out.get(0);
        assertThat(result.testCode()).isEqualTo("ASSAY");
        assertThat(result.numericResult()).isEqualByComparingTo("99.5");
    }

    @Test
    void aHugeExponentIsRefusedNotWrittenOut() throws IOException {
        MappingConnector connector = mapping(HEADER + """
                records:
                  - entity: qc-result
                    fields:
                      product: gtin
                      batchId: lot
                      testCode: test
                      numericResult: value
                      outOfSpecification: {const: "false"}
                """);
        List<CanonicalRecord> out = new ArrayList<>();
        // eleven characters that would be a billion digits as plain text
        DocumentReport report = run(connector, "{\"gtin\": \"05012345678900\", \"lot\": \"B1\", \"test\": \"T\", \"value\": 1e999999999}\n", out);
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("value");
            assertThat(e.reason()).contains("out of range");
        });
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aRecordWithManyRepeatedElementsIsReadInLinearTime() throws IOException {
        MappingConnector connector = mapping("""
                id: repeats
                title: Repeats
                description: Many repeated readings in one record
                source: {format: xml, record: Sample}
                records:
                  - entity: qc-result
                    fields:
                      product: "@gtin"
                      batchId: Lot
                      testCode: {const: LAST}
                      numericResult: Reading[100000]
                      outOfSpecification: {const: "false"}
                """);
        StringBuilder xml = new StringBuilder("<Samples><Sample gtin=\"05012345678900\"><Lot>B1</Lot>");
        for (int i = 1; i <= 100_000; i++) {
            xml.append("<Reading>").append(i).append("</Reading>");
        }
        xml.append("</Sample></Samples>");
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(connector, xml.toString(), out);
        assertThat(report.errors()).isEmpty();
        assertThat(((QcResult) out.get(0)).numericResult()).isEqualByComparingTo("100000");
    }

    @Test
    void foldersOfMappingsLoadAndDuplicateIdsAreRefusedNamingBothFiles() throws IOException {
        String yaml = Files.readString(Path.of("src/main/resources/cmohub/mappings/reference/mes-batch-record-csv.yaml"));
        Files.writeString(dir.resolve("a.yaml"), yaml.replace("id: mes-batch-record-csv", "id: cmo-a-batches"));
        Files.writeString(dir.resolve("b.yml"), yaml.replace("id: mes-batch-record-csv", "id: cmo-b-batches"));
        Files.writeString(dir.resolve("readme.txt"), "not a mapping");
        assertThat(ExtraMappings.load(List.of(dir), getClass().getClassLoader())).extracting(c -> c.descriptor().id())
                .containsExactly("cmo-a-batches", "cmo-b-batches");

        ConnectorCatalog catalog = ConnectorCatalog.load(getClass().getClassLoader());
        assertThat(catalog.formatIds()).contains("mes-batch-record-csv", "lims-qc-result-csv", "erp-shipment-xml");
        Path clash = dir.resolve("clash.yaml");
        Files.writeString(clash, yaml);
        assertThatThrownBy(() -> catalog.plus(List.of(Mappings.file(clash, getClass().getClassLoader()))))
                .hasMessageContaining("two connectors declare format id 'mes-batch-record-csv'")
                .hasMessageContaining("classpath:cmohub/mappings/reference/mes-batch-record-csv.yaml")
                .hasMessageContaining(clash.toString());
    }

    @Test
    void aBrokenMappingFileIsRefusedWithItsNameAndLine() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, HEADER + "records:\n  - entity: batch\n    fields:\n      batchid: lot\n");
        assertThatThrownBy(() -> ExtraMappings.load(List.of(file), getClass().getClassLoader()))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 8: unknown canonical field 'batchid' of batch");
    }
}
