package io.cmohub.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.codec.CanonicalJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/cmohub} as a user would, against the packaged jar: the script, JAVA_OPTS and the
 * exit codes. Runs in the integration-test phase, after the jar is built.
 */
class CliScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int exit, String out, String err) {
    }

    private static Run cmohub(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/cmohub").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("CMOHUB_JAR", Path.of("target/cmohub-gateway.jar").toAbsolutePath().toString());
        builder.environment().put("JAVA_OPTS", "-Xmx256m -Dcmohub.probe=on");
        File err = File.createTempFile("cmohub", ".err");
        builder.redirectError(err);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, java.nio.file.Files.readString(err.toPath()));
    }

    @Test
    void convertTheWalkThroughSample() throws Exception {
        Run run = cmohub("convert", "--format", "csv-batch-record", "--partner", "acme-cmo", "examples/data/acme-batch-records.csv");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        JsonNode first = CanonicalJson.mapper().readTree(lines.get(0));
        assertThat(first.get("type").asText()).isEqualTo("io.cmohub.batch.updated.v1");
        assertThat(first.get("partner").asText()).isEqualTo("acme-cmo");
    }

    @Test
    void validateExitCodes() throws Exception {
        assertThat(cmohub("validate", "-f", "csv-batch-record", "examples/data/acme-batch-records.csv").exit()).isZero();
        assertThat(cmohub("validate", "-f", "csv-batch-record", "examples/data/acme-batch-records-with-errors.csv").exit()).isEqualTo(1);
        Run usage = cmohub("validate", "-f", "no-such-format", "examples/data/acme-batch-records.csv");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("unknown format");
    }

    @Test
    void javaOptsReachTheJvm() throws Exception {
        Run run = cmohub("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("canonical model v1");
    }
}
