package io.cmohub.gateway.cli;

import io.cmohub.routes.audit.AuditEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.EntityType;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.schema.CanonicalSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Drives the real command line in-process and checks the documented output contract and exit codes. */
class CliTest {
    private static final Path GOOD = Path.of("src/test/resources/cli/acme-batch-records.csv");
    private static final Path BAD = Path.of("src/test/resources/cli/acme-batch-records-with-errors.csv");
    private static final Path BAD_SERIAL = Path.of("src/test/resources/cli/pack-states-bad-serial.ndjson");

    record Result(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(CanonicalJson.mapper().readTree(line));
                }
            }
            return lines;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CmoHubCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void progressGoesToStandardErrorOnlyWhenAskedOrOnATerminalForALargeFile() throws Exception {
        Result asked = run("validate", "--progress", "--format", "csv-batch-record", "--partner", "acme-cmo", GOOD.toString());
        assertThat(asked.exit()).isZero();
        assertThat(asked.err()).contains("acme-batch-records.csv pass 1: ").contains("(100 %)").contains("MB/s");
        assertThat(asked.out()).doesNotContain("pass 1").contains("\"status\":\"ACCEPTED\"");

        Result converted = run("convert", "--progress", "--format", "csv-batch-record", "--partner", "acme-cmo", GOOD.toString());
        assertThat(converted.err()).contains("pass 1: ").containsPattern(", [1-9][0-9]* records");

        Result quiet = run("validate", "--format", "csv-batch-record", "--partner", "acme-cmo", GOOD.toString());
        assertThat(quiet.err()).as("a small file, and no terminal: nothing extra").isEmpty();
        assertThat(ProgressSource.wanted(null, GOOD)).isFalse();
        assertThat(ProgressSource.wanted(false, GOOD)).isFalse();
    }

    @Test
    void validatePrintsOneReportPerFileAndExitsZeroWhenAllAreAccepted() throws Exception {
        Result result = run("validate", "--format", "csv-batch-record", "--partner", "acme-cmo", GOOD.toString(), GOOD.toString());
        assertThat(result.exit()).isZero();
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).hasSize(2);
        JsonNode report = lines.get(0);
        List<String> fields = new ArrayList<>();
        report.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("file", "format", "status", "sourceEvents", "canonicalRecords", "errors");
        assertThat(report.get("file").asText()).isEqualTo(GOOD.toString());
        assertThat(report.get("format").asText()).isEqualTo("csv-batch-record");
        assertThat(report.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(report.get("sourceEvents").asLong()).isEqualTo(4);
        assertThat(report.get("canonicalRecords").asLong()).isEqualTo(4);
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    void validateNamesFieldAndRuleOfEveryBadValueAndExitsOne() throws Exception {
        Result result = run("validate", "-f", "csv-batch-record", "-p", "acme-cmo", GOOD.toString(), BAD.toString());
        assertThat(result.exit()).isEqualTo(1);
        JsonNode bad = result.jsonLines().get(1);
        assertThat(bad.get("status").asText()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(bad.get("sourceEvents").asLong()).isEqualTo(4);
        assertThat(bad.get("canonicalRecords").asLong()).isEqualTo(1);
        assertThat(bad.get("errors").toString())
                .contains("\"location\":\"line 3\",\"field\":\"product_code\"").contains("check digit")
                .contains("\"location\":\"line 4\",\"field\":\"expiry\"").contains("month 13")
                .contains("\"location\":\"line 5\",\"field\":\"markets\"").contains("'XX' is not an assigned ISO 3166-1 alpha-2");
    }

    @Test
    void aTooLongSerialIsRejectedWithItsRule() throws Exception {
        Result result = run("validate", "-f", "canonical-json", "-p", "acme-cmo", BAD_SERIAL.toString());
        assertThat(result.exit()).isEqualTo(1);
        JsonNode error = result.jsonLines().get(0).get("errors").get(0);
        assertThat(error.get("location").asText()).isEqualTo("event 2 (line 2)");
        assertThat(error.get("field").asText()).isEqualTo("data.serial");
        assertThat(error.get("reason").asText()).contains("21 characters long; at most 20");
    }

    @Test
    void convertPrintsCloudEventsWhoseDataValidatesAgainstThePublishedSchema(@TempDir Path tmp) throws Exception {
        Result result = run("convert", "-f", "csv-batch-record", "-p", "acme-cmo", GOOD.toString());
        assertThat(result.exit()).isZero();
        List<JsonNode> events = result.jsonLines();
        assertThat(events).hasSize(4);
        for (JsonNode event : events) {
            EntityType type = EntityType.ofEventType(event.get("type").asText()).orElseThrow();
            assertThat(CanonicalSchemas.get().validateJson(type, event.get("data"))).isEmpty();
            assertThat(CanonicalSchemas.get().validateCloudEvent(event)).isEmpty();
        }
        assertThat(CanonicalJson.mapper().readTree(result.err()).get("status").asText()).isEqualTo("ACCEPTED");

        // The converted output is itself a valid canonical-json document, and converts to the same events.
        Path converted = Files.writeString(tmp.resolve("converted.ndjson"), result.out());
        Result again = run("convert", "-f", "canonical-json", "-p", "acme-cmo", converted.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.jsonLines()).extracting(e -> e.get("id").asText())
                .containsExactlyElementsOf(events.stream().map(e -> e.get("id").asText()).toList());
    }

    @Test
    void convertOfARejectedDocumentUnderRejectDocumentPrintsNothing() throws Exception {
        Result result = run("convert", "-f", "csv-batch-record", "-p", "acme-cmo", "--error-policy", "REJECT_DOCUMENT", BAD.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(CanonicalJson.mapper().readTree(result.err()).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void usageErrorsExitTwoWithAReason() {
        Result unknownFormat = run("validate", "-f", "nope", GOOD.toString());
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("unknown format 'nope'; available: ").contains("canonical-json").contains("mes-batch-record-csv").contains("epcis");

        Result noFormat = run("validate", GOOD.toString());
        assertThat(noFormat.exit()).isEqualTo(2);
        assertThat(noFormat.err()).contains("--format");

        Result badConfig = run("validate", "-f", "csv-batch-record", "-c", "delimiter=;;", GOOD.toString());
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.err()).contains("'delimiter' must be a single character");

        Result badPartner = run("validate", "-f", "csv-batch-record", "-p", "ACME CMO", GOOD.toString());
        assertThat(badPartner.exit()).isEqualTo(2);
        assertThat(badPartner.err()).contains("partner id 'ACME CMO'");

        assertThat(run().exit()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsReportedNotThrown() throws Exception {
        Result result = run("validate", "-f", "csv-batch-record", "no/such/file.csv");
        assertThat(result.exit()).isEqualTo(1);
        JsonNode report = result.jsonLines().get(0);
        assertThat(report.get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("errors").get(0).get("reason").asText()).contains("file not found");
    }

    @Test
    void auditVerifyReportsAnIntactChainAndTheFirstEditedRow(@TempDir Path tmp) throws Exception {
        String url = "jdbc:h2:file:" + tmp.toAbsolutePath().resolve("audit");
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        org.flywaydb.core.Flyway.configure().dataSource(h2).locations(io.cmohub.routes.templates.CmoHubSchema.LOCATION).load().migrate();
        Path keyFile = tmp.resolve("audit-key");
        Path anchorFile = tmp.resolve("audit-anchor");
        var keys = io.cmohub.routes.audit.AuditKeyring.of(io.cmohub.routes.audit.AuditKey.loadOrCreate(keyFile));
        io.cmohub.routes.audit.JdbcAuditTrail trail = new io.cmohub.routes.audit.JdbcAuditTrail(h2, keys,
                new io.cmohub.routes.audit.AuditAnchor(anchorFile, keys));
        for (int i = 0; i < 3; i++) {
            trail.record(AuditEvent.success("acme-cmo", "RECEIVE").on("document", "doc-" + i));
        }
        trail.anchorHead();
        Result intact = run("audit", "verify", "--jdbc-url", url, "--key-file", keyFile.toString(), "--anchor-file", anchorFile.toString());
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.jsonLines().get(0).get("valid").asBoolean()).isTrue();
        Result withoutKey = run("audit", "verify", "--jdbc-url", url);
        assertThat(withoutKey.exit()).isEqualTo(1);
        assertThat(withoutKey.jsonLines().get(0).get("problem").asText()).contains("which is not configured");

        try (var c = h2.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET object_id = 'doc-x' WHERE seq = 2");
        }
        Result broken = run("audit", "verify", "--jdbc-url", url, "--key-file", keyFile.toString(), "--anchor-file", anchorFile.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.jsonLines().get(0).get("firstBadSeq").asLong()).isEqualTo(2);

        assertThat(run("audit", "verify", "--jdbc-url", "jdbc:h2:file:" + tmp.toAbsolutePath().resolve("nothing-here")).exit()).isNotZero();
    }

    @Test
    void connectorsListsEveryFormatWithItsConfiguration() {
        Result result = run("connectors");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("csv-batch-record").contains("canonical-json").contains("-c delimiter=,");
    }
}
