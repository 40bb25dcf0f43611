package io.cmohub.connector.mapping.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.RecordError;
import io.cmohub.connector.mapping.MappingConnector;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.schema.CanonicalSchemas;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The conformance checks of the connector test kit for one mapping, without Maven or JUnit, for an
 * integration engineer onboarding a CMO ({@code cmohub test-mapping}). The samples folder has the kit's
 * layout: {@code valid/NAME.*} with {@code NAME.expected.ndjson} (the CloudEvents the sample must give,
 * for partner {@value #PARTNER} received at the epoch, as the kit writes them) and {@code invalid/NAME.*}
 * with {@code NAME.expected-errors.json} ({@code {"status", "errors": [{"location", "field", "reason"
 * (a part of it)}]}}). Garbage (empty, random bytes, each valid sample cut in half) must be refused with
 * a reason, never thrown. That the mapping connector streams (bounded memory) is the mapping module's
 * own conformance test; it does not depend on the mapping.
 */
public final class MappingSamples {
    public static final String PARTNER = "acme-cmo";
    private static final DocumentContext CONTEXT = new DocumentContext(PartnerId.of(PARTNER), "sample", Instant.EPOCH);
    private static final int SHOWN = 300;

    private final MappingConnector connector;
    private final ConnectorConfig config;
    private final boolean writeMissing;

    /** @param writeMissing write what the mapping produces where an expectation file is missing, for review (the check still fails) */
    public MappingSamples(MappingConnector connector, ConnectorConfig config, boolean writeMissing) {
        this.connector = connector;
        this.config = config;
        this.writeMissing = writeMissing;
    }

    public List<SampleCheck> run(Path samples) throws IOException {
        List<SampleCheck> checks = new ArrayList<>();
        List<Path> valid = files(samples.resolve("valid"));
        if (valid.isEmpty()) {
            checks.add(new SampleCheck("valid", "no valid sample", List.of("a mapping is onboarded with at least one valid sample in " + samples.resolve("valid"))));
        }
        for (Path sample : valid) {
            checks.add(valid(sample));
        }
        for (Path sample : files(samples.resolve("invalid"))) {
            checks.add(invalid(sample));
        }
        checks.add(garbage(valid));
        return checks;
    }

    private SampleCheck valid(Path sample) throws IOException {
        String name = "valid/" + sample.getFileName();
        List<CanonicalRecord> records = new ArrayList<>();
        DocumentReport report = run().deliver(DocumentSource.of(sample), CONTEXT, records::add);
        List<String> problems = new ArrayList<>();
        if (report.status() != DocumentStatus.ACCEPTED) {
            problems.add("the sample was " + report.status() + ", not ACCEPTED");
        }
        report.errors().stream().limit(5).forEach(e -> problems.add("error at " + e.location() + (e.field() == null ? "" : " (" + e.field() + ")") + ": " + e.reason()));
        StringBuilder actual = new StringBuilder();
        for (CanonicalRecord record : records) {
            CanonicalEvent event = CanonicalEvent.of(record, CanonicalEvent.partnerSource(PARTNER), PARTNER, Instant.EPOCH);
            JsonNode tree = CanonicalJson.mapper().valueToTree(event);
            CanonicalSchemas.get().validateCloudEvent(tree).stream().limit(3).forEach(p -> problems.add("event " + event.subject() + " breaks the schema: " + p));
            actual.append(CanonicalJson.mapper().writeValueAsString(tree)).append('\n');
        }
        Path expected = sibling(sample, ".expected.ndjson");
        problems.addAll(golden(expected, actual.toString()));
        return new SampleCheck(name, records.size() + " events" + (problems.isEmpty() ? " as expected" : ""), problems);
    }

    private List<String> golden(Path expected, String actual) throws IOException {
        if (!Files.exists(expected)) {
            if (writeMissing) {
                Files.writeString(expected, actual);
                return List.of("missing " + expected.getFileName() + ": written with what the mapping produces; review it, then run again");
            }
            return List.of("missing " + expected.getFileName() + " (run with --write-missing to write what the mapping produces, then review it)");
        }
        List<String> want = Files.readString(expected).lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w == null || !w.equals(g)) {
                return List.of(expected.getFileName() + " line " + (i + 1) + ": expected " + shown(w) + " but the mapping produced " + shown(g)
                        + " (" + want.size() + " events expected, " + got.size() + " produced)");
            }
        }
        return List.of();
    }

    private SampleCheck invalid(Path sample) throws IOException {
        String name = "invalid/" + sample.getFileName();
        DocumentReport report = run().validate(DocumentSource.of(sample), CONTEXT);
        Path expectedFile = sibling(sample, ".expected-errors.json");
        if (!Files.exists(expectedFile)) {
            if (writeMissing) {
                Files.writeString(expectedFile, CanonicalJson.mapper().writeValueAsString(new Expected(report.status().name(), report.errors())) + "\n");
                return new SampleCheck(name, report.status().name(), List.of("missing " + expectedFile.getFileName()
                        + ": written with what the mapping reports; review it, then run again"));
            }
            return new SampleCheck(name, report.status().name(), List.of("missing " + expectedFile.getFileName()
                    + " (run with --write-missing to write what the mapping reports, then review it)"));
        }
        JsonNode expected = CanonicalJson.mapper().readTree(expectedFile.toFile());
        List<String> problems = new ArrayList<>();
        if (!report.status().name().equals(expected.path("status").asText())) {
            problems.add("the status is " + report.status() + ", expected " + expected.path("status").asText());
        }
        JsonNode errors = expected.path("errors");
        if (errors.size() != report.errors().size()) {
            problems.add(report.errors().size() + " errors, expected " + errors.size() + ": " + shown(report.errors().toString()));
        }
        for (int i = 0; i < Math.min(errors.size(), report.errors().size()); i++) {
            JsonNode want = errors.get(i);
            RecordError got = report.errors().get(i);
            String field = want.path("field").isMissingNode() || want.path("field").isNull() ? null : want.path("field").asText();
            if (!want.path("location").asText().equals(got.location())) {
                problems.add("error " + (i + 1) + " is at " + got.location() + ", expected " + want.path("location").asText());
            }
            if (field == null ? got.field() != null : !field.equals(got.field())) {
                problems.add("error " + (i + 1) + " blames field " + got.field() + ", expected " + field);
            }
            if (!got.reason().contains(want.path("reason").asText())) {
                problems.add("error " + (i + 1) + " says " + shown(got.reason()) + ", expected it to contain " + shown(want.path("reason").asText()));
            }
        }
        return new SampleCheck(name, report.status() + ", " + report.errors().size() + " errors", problems);
    }

    /** What {@code --write-missing} writes for an invalid sample: the kit's layout. */
    private record Expected(String status, List<RecordError> errors) {
    }

    private SampleCheck garbage(List<Path> valid) throws IOException {
        List<byte[]> garbage = new ArrayList<>();
        garbage.add(new byte[0]);
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        garbage.add(noise);
        garbage.add("\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8));
        for (Path sample : valid) {
            byte[] bytes = Files.readAllBytes(sample);
            garbage.add(java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < garbage.size(); i++) {
            try {
                DocumentReport report = run().validate(DocumentSource.of(garbage.get(i)), CONTEXT);
                if (report.status() != DocumentStatus.ACCEPTED && (report.errors().isEmpty() || report.errors().stream().anyMatch(e -> e.reason().isBlank()))) {
                    problems.add("garbage document " + (i + 1) + " was " + report.status() + " without a reason");
                }
            } catch (RuntimeException e) {
                problems.add("garbage document " + (i + 1) + " made the mapping throw " + e);
            }
        }
        return new SampleCheck("garbage", garbage.size() + " documents (empty, random bytes, samples cut in half)"
                + (problems.isEmpty() ? " refused with a reason or read, none thrown" : ""), problems);
    }

    private DocumentRun run() {
        return new DocumentRun(connector.descriptor().id(), connector.open(config), connector.descriptor().defaultErrorPolicy());
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().contains(".expected")).sorted().toList();
        }
    }

    private static Path sibling(Path sample, String suffix) {
        String name = sample.getFileName().toString();
        int dot = name.indexOf('.');
        return sample.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + suffix);
    }

    private static String shown(String text) {
        if (text == null) {
            return "nothing";
        }
        return "'" + (text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...") + "'";
    }
}
