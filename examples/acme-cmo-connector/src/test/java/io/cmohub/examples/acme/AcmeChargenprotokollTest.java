package io.cmohub.examples.acme;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACME mapping, found on the classpath as the hub finds it, run through the conformance kit. */
class AcmeChargenprotokollTest extends ConnectorConformanceTest {
    private final CmoConnector connector = ConnectorCatalog.load(getClass().getClassLoader()).find("acme-chargenprotokoll").orElseThrow();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected GeneratedDocument largeDocument() {
        // a long remark column the mapping does not read keeps the row count (and the run time) moderate
        String remark = "Bemerkung: Abf\u00fcllung nach Linienfreigabe, IPC ohne Befund. ".repeat(5);
        return new GeneratedDocument("Charge;PZN;Status;Verfall;Herstelldatum;Freigabedatum;Sollmenge;Istmenge;M\u00e4rkte;Stand;Bemerkung\r\n",
                i -> "LY-B" + i + ";01234562;freigegeben;06/2027;10.02.2025;01.03.2025;120.000;119.850,5;DE/AT;45717,3854;" + remark + "\r\n",
                "Summe;;;;;;;;;;\r\n", 350_000, Charset.forName("windows-1252"));
    }

    @Test
    void everyQuirkEndsAsCanonicalValues() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        new DocumentRun(connector.descriptor().id(), connector.open(ConnectorConfig.defaults(connector.descriptor())), connector.descriptor().defaultErrorPolicy())
                .deliver(DocumentSource.of(Path.of("src/test/resources/samples/valid/chargen.csv")), CONTEXT, out::add);

        assertThat(out).hasSize(2); // the "Summe" trailer row is skipped, not rejected
        Batch released = (Batch) out.get(0);
        assertThat(released.product().value()).isEqualTo("110123456224"); // PZN 01234562 as PPN: 11 + PZN + IFA mod-97 check digits 24
        assertThat(released.batchId().value()).isEqualTo("B2025-0042");  // site prefix LY- removed
        assertThat(released.status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(released.expiry().printed()).isEqualTo("270600");     // month-only expiry, day 00
        assertThat(released.expiry().date()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(released.actualQuantity().value()).isEqualByComparingTo(new BigDecimal("119850.5"));
        assertThat(released.markets()).extracting(m -> m.code()).containsExactly("DE", "AT");
        // Excel serial 45717,3854 = 2025-03-01 09:14:59 in Paris (UTC+1): 0,3854 of a day is 33,298.56 s, rounded
        assertThat(released.updatedAt()).isEqualTo(Instant.parse("2025-03-01T08:14:59Z"));
    }

    /** What {@code cmohub test-mapping src/main/resources/acme/acme-chargenprotokoll.yaml src/test/resources/samples --converters target/classes} runs. */
    @Test
    void theSamplesPassTheChecksOfTestMappingAndABrokenGoldenFails(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        io.cmohub.connector.mapping.MappingConnector mapping = io.cmohub.connector.mapping.Mappings.file(
                Path.of("src/main/resources/acme/acme-chargenprotokoll.yaml"), getClass().getClassLoader());
        ConnectorConfig config = ConnectorConfig.defaults(mapping.descriptor());
        List<io.cmohub.connector.mapping.check.SampleCheck> checks = new io.cmohub.connector.mapping.check.MappingSamples(mapping, config, false)
                .run(Path.of("src/test/resources/samples"));
        assertThat(checks).as(checks.toString()).allMatch(io.cmohub.connector.mapping.check.SampleCheck::passed).hasSize(3);

        for (String kind : List.of("valid", "invalid")) {
            java.nio.file.Files.createDirectories(copy.resolve(kind));
            try (var files = java.nio.file.Files.list(Path.of("src/test/resources/samples", kind))) {
                for (Path file : files.toList()) {
                    java.nio.file.Files.copy(file, copy.resolve(kind).resolve(file.getFileName()));
                }
            }
        }
        Path golden = copy.resolve("valid/chargen.expected.ndjson");
        java.nio.file.Files.writeString(golden, java.nio.file.Files.readString(golden).replaceFirst("B2025-0042", "B2025-0099"));
        List<io.cmohub.connector.mapping.check.SampleCheck> broken = new io.cmohub.connector.mapping.check.MappingSamples(mapping, config, false).run(copy);
        assertThat(broken).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("valid/chargen.csv");
            assertThat(c.problems().get(0)).contains("chargen.expected.ndjson line ");
        });
    }
}
