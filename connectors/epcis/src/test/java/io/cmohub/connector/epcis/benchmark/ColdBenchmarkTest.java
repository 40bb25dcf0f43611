package io.cmohub.connector.epcis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold mode of the benchmark starts real JVMs; here on a small document, for what it reports, not how fast. */
class ColdBenchmarkTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void eachPassRunsInAFreshJvmAndReportsTheDocumentItRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.xml");
        EpcisDocumentGenerator generator = EpcisDocumentGenerator.standard(EpcisDocumentGenerator.Syntax.XML_1_2, 2_000);
        generator.write(file);
        String java = JAVA;
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
        String java = JAVA;
        // the child cannot generate into a path whose folder does not exist, and says so
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), EpcisBenchmark.class.getName());
        assertThatThrownBy(() -> ColdBenchmark.run(missing.resolve("no-such-folder").resolve("doc.xml"), 1, Map.of(), command))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pass in a fresh JVM failed")
                .hasMessageContaining("NoSuchFileException"); // the child's stack trace, from its error stream
    }

    @Test
    void aChildIsThisJvmAgainWithItsFlagsJarOrMainClassButNotItsPortsOrRecordings() {
        List<String> jar = List.of("-Xmx256m", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Dname=a b",
                "-XX:StartFlightRecording=filename=x.jfr", "-Dcom.sun.management.jmxremote.port=9010", "-jar", "/opt/cmo hub/cmohub.jar",
                "benchmark", "epcis", "--cold", "3");
        assertThat(ColdBenchmark.relaunch("java", jar, List.of("benchmark", "epcis")))
                .containsExactly("java", "-Xmx256m", "-Dname=a b", "-jar", "/opt/cmo hub/cmohub.jar", "benchmark", "epcis");

        List<String> classpath = List.of("-XX:+UseSerialGC", "-cp", "a.jar:b.jar", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "io.cmohub.connector.epcis.EpcisBenchmark", "--cold", "3");
        assertThat(ColdBenchmark.relaunch("java", classpath, List.of()))
                .containsExactly("java", "-XX:+UseSerialGC", "-cp", "a.jar:b.jar", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "io.cmohub.connector.epcis.EpcisBenchmark");
    }

    @Test
    void aPassLineReadsBackAsWritten() {
        ColdPass pass = new ColdPass(ColdPass.Kind.CONNECTOR, 2.125, 2.0, 4.25, 2712, 91.5, 20212, "ACCEPTED");
        assertThat(ColdPass.parse(pass.line())).isEqualTo(pass);
        assertThat(ColdPass.parse("generated /tmp/x.xml in 0.9 s")).isNull();
    }
}
