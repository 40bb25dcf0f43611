package io.cmohub.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmohub test-mapping} on a reference mapping's own samples, a broken golden file and a missing one. */
class TestMappingCommandTest {
    static final Path MAPPING = Path.of("../connectors/mapping/src/main/resources/cmohub/mappings/reference/lims-qc-result-csv.yaml");
    static final Path SAMPLES = Path.of("../connectors/mapping/src/test/resources/samples/lims-qc-result-csv");

    @TempDir
    Path copy;

    @Test
    void theReferenceSamplesPass() {
        CliTest.Result result = CliTest.run("test-mapping", MAPPING.toString(), SAMPLES.toString());
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(TestMappingCommand.ALL_PASSED);
        assertThat(result.out()).contains("mapping lims-qc-result-csv").contains("PASS valid/results.csv: ").contains("events as expected")
                .contains("PASS invalid/bad-results.csv: REJECTED").contains("PASS garbage: ").contains("all 3 checks passed");
    }

    @Test
    void aBrokenGoldenFileFailsNamingTheLine() throws IOException {
        copySamples();
        Path golden = copy.resolve("valid/results.expected.ndjson");
        List<String> lines = Files.readAllLines(golden);
        Files.write(golden, Stream.concat(Stream.of(lines.get(0).replace("ASSAY", "ASSAI")), lines.stream().skip(1)).toList());

        CliTest.Result result = CliTest.run("test-mapping", MAPPING.toString(), copy.toString());
        assertThat(result.exit()).isEqualTo(TestMappingCommand.SOME_FAILED);
        assertThat(result.out()).contains("FAIL valid/results.csv").contains("results.expected.ndjson line 1: expected '").contains("ASSAI")
                .contains("1 of 3 checks failed");
    }

    @Test
    void aMissingExpectationFailsAndIsWrittenOnlyWhenAsked() throws IOException {
        copySamples();
        Files.delete(copy.resolve("invalid/bad-results.expected-errors.json"));
        CliTest.Result without = CliTest.run("test-mapping", MAPPING.toString(), copy.toString());
        assertThat(without.exit()).isEqualTo(TestMappingCommand.SOME_FAILED);
        assertThat(without.out()).contains("missing bad-results.expected-errors.json (run with --write-missing");
        assertThat(copy.resolve("invalid/bad-results.expected-errors.json")).doesNotExist();

        CliTest.Result writing = CliTest.run("test-mapping", "--write-missing", MAPPING.toString(), copy.toString());
        assertThat(writing.exit()).as("a written expectation is for review: still a failure").isEqualTo(TestMappingCommand.SOME_FAILED);
        assertThat(copy.resolve("invalid/bad-results.expected-errors.json")).content().contains("\"status\":\"REJECTED\"");
        assertThat(CliTest.run("test-mapping", MAPPING.toString(), copy.toString()).exit()).isEqualTo(TestMappingCommand.ALL_PASSED);
    }

    @Test
    void aMappingThatIsNotOneIsAUsageError() throws IOException {
        Path broken = copy.resolve("broken.yaml");
        Files.writeString(broken, "id: Broken_Id\n");
        CliTest.Result result = CliTest.run("test-mapping", broken.toString(), SAMPLES.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("kebab-case");
    }

    private void copySamples() throws IOException {
        for (String kind : List.of("valid", "invalid")) {
            Files.createDirectories(copy.resolve(kind));
            try (Stream<Path> files = Files.list(SAMPLES.resolve(kind))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(kind).resolve(file.getFileName()));
                }
            }
        }
    }
}
