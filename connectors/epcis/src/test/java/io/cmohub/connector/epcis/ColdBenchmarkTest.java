package io.cmohub.connector.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold mode of the benchmark starts real JVMs; here on a small document, for what it reports, not how fast. */
class ColdBenchmarkTest {

    @Test
    void eachPassRunsInAFreshJvmAndReportsTheDocumentItRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.xml");
        EpcisDocumentGenerator generator = EpcisDocumentGenerator.standard(EpcisDocumentGenerator.Syntax.XML_1_2, 2_000);
        generator.write(file);
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), EpcisBenchmark.class.getName());

        ColdBenchmark.Result result = ColdBenchmark.run(file, 1, Map.of(), command);

        assertThat(result.raw()).singleElement().satisfies(raw -> {
            assertThat(raw.kind()).isEqualTo(ColdPass.Kind.RAW);
            assertThat(raw.events()).isEqualTo(generator.events());
            assertThat(raw.seconds()).isPositive();
        });
        assertThat(result.connector()).singleElement().satisfies(connector -> {
            assertThat(connector.status()).isEqualTo("ACCEPTED");
            assertThat(connector.events()).isEqualTo(generator.events());
            // a fresh JVM compiles while it reads: the pass is not timed on code compiled before it
            assertThat(connector.jitMillis()).isPositive();
        });
        assertThat(result.ratioOfMedians()).isPositive();
    }

    @Test
    void aChildThatFailsIsReportedWithItsOutputNotTakenAsAPass(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.xml");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // the child cannot generate into a path whose folder does not exist, and says so
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), EpcisBenchmark.class.getName());
        assertThatThrownBy(() -> ColdBenchmark.run(missing.resolve("no-such-folder").resolve("doc.xml"), 1, Map.of(), command))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pass in a fresh JVM failed");
    }

    @Test
    void aPassLineReadsBackAsWritten() {
        ColdPass pass = new ColdPass(ColdPass.Kind.CONNECTOR, 2.125, 2.0, 2712, 91.5, 20212, "ACCEPTED");
        assertThat(ColdPass.parse(pass.line())).isEqualTo(pass);
        assertThat(ColdPass.parse("generated /tmp/x.xml in 0.9 s")).isNull();
    }
}
