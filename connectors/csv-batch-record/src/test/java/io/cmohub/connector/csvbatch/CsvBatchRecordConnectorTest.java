package io.cmohub.connector.csvbatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.Batch;
import io.cmohub.model.CanonicalRecord;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvBatchRecordConnectorTest extends ConnectorConformanceTest {
    private final CsvBatchRecordConnector connector = new CsvBatchRecordConnector();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8(
                "product_code,batch_id,status,site_id,expiry,manufactured_on,released_on,planned_quantity,actual_quantity,quantity_unit,markets,updated_at\n",
                i -> "05012345678900,B" + i + ",RELEASED,ACME-LYON,270600,2025-02-10,2025-03-01,120000,119850.50,packs,DE|FR,2025-03-01T09:15:30+01:00\n",
                "", 1_300_000);
    }

    private DocumentReport run(Map<String, String> config, byte[] csv, List<CanonicalRecord> out) throws Exception {
        return new DocumentRun(CsvBatchRecordConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)), ErrorPolicy.ACCEPT_VALID)
                .deliver(DocumentSource.of(csv), CONTEXT, out::add);
    }

    @Test
    void europeanExportWithSemicolonsDecimalCommasAndWindows1252() throws Exception {
        String csv = "status;batch_id;product_code;manufactured_on;actual_quantity;quantity_unit;site_id\r\n"
                + "RELEASED;B-\u00c4;05012345678900;10.02.2025;119850,50;packs;LYON\r\n";
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of("delimiter", ";", "decimal-separator", ",", "date-format", "dd.MM.yyyy", "encoding", "windows-1252"),
                csv.getBytes(Charset.forName("windows-1252")), out);

        // Ä is outside GS1 set 82: decoded correctly from windows-1252, then refused by the batch id rule.
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("batch_id");
            assertThat(e.reason()).contains("'\u00c4'");
        });

        out.clear();
        report = run(Map.of("delimiter", ";", "decimal-separator", ",", "date-format", "dd.MM.yyyy", "encoding", "windows-1252"),
                csv.replace("B-\u00c4", "B-42").getBytes(Charset.forName("windows-1252")), out);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        Batch batch = (Batch) out.get(0);
        assertThat(batch.manufacturedOn()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(batch.actualQuantity().value()).isEqualTo(new BigDecimal("119850.50"));
    }

    @Test
    void invalidUtf8RejectsTheDocumentWithTheEncodingNamed() throws Exception {
        byte[] csv = "product_code,batch_id,status\n05012345678900,B\u00e9,PLANNED\n".getBytes(Charset.forName("ISO-8859-1"));
        DocumentReport report = run(Map.of(), csv, new ArrayList<>());
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors().get(0).reason()).contains("not valid UTF-8").contains("encoding");
    }

    @Test
    void impossibleDatesAreNotRolledOver() throws Exception {
        byte[] csv = "product_code,batch_id,status,manufactured_on\n05012345678900,B1,PLANNED,2025-02-30\n".getBytes(StandardCharsets.UTF_8);
        DocumentReport report = run(Map.of(), csv, new ArrayList<>());
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("'2025-02-30' is not a date in the pattern yyyy-MM-dd"));
    }

    @Test
    void byteOrderMarkAndQuotedCellsWithLineBreaks() throws Exception {
        byte[] csv = ("\uFEFFproduct_code,batch_id,status,site_id\n05012345678900,\"B1\",PLANNED,\"LYON\"\n"
                + "05012345678900,B2,PLANNED,\"LY\nON\"\n05012345678900,B3,PLANNED,PARIS\n").getBytes(StandardCharsets.UTF_8);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of(), csv, out);
        assertThat(report.status()).isEqualTo(DocumentStatus.PARTIALLY_ACCEPTED);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 3");
            assertThat(e.field()).isEqualTo("site_id");
        });
        assertThat(out).extracting(r -> ((Batch) r).batchId().value()).containsExactly("B1", "B3");
    }
}
