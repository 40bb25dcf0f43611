package io.cmohub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.RecordError;
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
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The test every connector module extends (Debezium-style shared harness). It lints the descriptor,
 * checks ServiceLoader registration, and runs the module's samples:
 *
 * <ul>
 *   <li>{@code src/test/resources/samples/valid/NAME.*} with {@code NAME.expected.ndjson}: the
 *       canonical CloudEvents the sample must produce (partner {@link #PARTNER}, received at the
 *       epoch), each also valid against the published CloudEvent schema;</li>
 *   <li>{@code src/test/resources/samples/invalid/NAME.*} with {@code NAME.expected-errors.json}:
 *       {@code {"status": ..., "errors": [{"location", "field", "reason" (a substring)}]}};</li>
 *   <li>{@link #largeDocument()}: a generated document at least twice the size of the
 *       {@value #PROBE_HEAP_MB} MB heap of a child JVM, which must validate there without running
 *       out of memory — the proof that the parser streams.</li>
 * </ul>
 *
 * A missing expectation file fails the test and writes what the connector produced next to the
 * build output, to be reviewed and copied in.
 */
public abstract class ConnectorConformanceTest {
    public static final PartnerId PARTNER = PartnerId.of("acme-cmo");
    public static final DocumentContext CONTEXT = new DocumentContext(PARTNER, "sample", Instant.EPOCH);
    /** Heap of the child JVM that validates {@link #largeDocument()}. */
    public static final int PROBE_HEAP_MB = 64;

    /** The connector under test. */
    protected abstract CmoConnector connector();

    /** Configuration used for the samples; by default the declared defaults. */
    protected Map<String, String> sampleConfig() {
        return Map.of();
    }

    /**
     * A valid document of at least {@code 2 x PROBE_HEAP_MB} MB, generated as it is read (see
     * {@link GeneratedDocument}); each of its {@link GeneratedDocument#records() records} must count
     * as one source event. Called in a child JVM through the test class's no-argument constructor.
     */
    protected abstract GeneratedDocument largeDocument();

    protected Path samplesDir() {
        return Path.of("src/test/resources/samples");
    }

    @Test
    void descriptorPassesTheLint() {
        assertThat(DescriptorLint.check(connector().descriptor())).isEmpty();
    }

    @Test
    void connectorIsRegisteredWithServiceLoader() {
        ConnectorCatalog catalog = ConnectorCatalog.load(getClass().getClassLoader());
        assertThat(catalog.find(connector().descriptor().id()))
                .as("META-INF/services/io.cmohub.connector.CmoConnector must list " + connector().getClass().getName())
                .get().extracting(Object::getClass).isEqualTo(connector().getClass());
    }

    @Test
    void everyDeclaredPropertyIsRead() throws IOException {
        ConnectorConfig config = ConnectorConfig.of(connector().descriptor(), sampleConfig());
        List<Path> valid = samples("valid");
        assertThat(valid).as("a connector ships at least one valid sample").isNotEmpty();
        run(config, valid.get(0));
        List<String> declared = connector().descriptor().properties().stream().map(ConfigProperty::name).toList();
        assertThat(config.readProperties()).as("declared but never read").containsExactlyInAnyOrderElementsOf(declared);
    }

    @TestFactory
    Stream<DynamicTest> validSamplesProduceTheExpectedEvents() throws IOException {
        return samples("valid").stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            List<CanonicalRecord> records = new ArrayList<>();
            DocumentReport report = run(ConnectorConfig.of(connector().descriptor(), sampleConfig()), sample, records);
            assertThat(report.errors()).as("errors").isEmpty();
            assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);

            StringBuilder actual = new StringBuilder();
            for (CanonicalRecord record : records) {
                CanonicalEvent event = CanonicalEvent.of(record, CanonicalEvent.partnerSource(PARTNER.value()), PARTNER.value(), Instant.EPOCH);
                JsonNode tree = CanonicalJson.mapper().valueToTree(event);
                assertThat(CanonicalSchemas.get().validateCloudEvent(tree)).as(tree.toString()).isEmpty();
                actual.append(CanonicalJson.mapper().writeValueAsString(tree)).append('\n');
            }
            Path expected = sibling(sample, ".expected.ndjson");
            compare(expected, actual.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidSamplesAreRejectedWithTheExpectedReasons() throws IOException {
        return samples("invalid").stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            DocumentReport report = run(ConnectorConfig.of(connector().descriptor(), sampleConfig()), sample);
            Path expectedFile = sibling(sample, ".expected-errors.json");
            if (!Files.exists(expectedFile)) {
                fail("missing " + expectedFile + "; the connector reported: " + CanonicalJson.mapper().writeValueAsString(report));
            }
            JsonNode expected = CanonicalJson.mapper().readTree(expectedFile.toFile());
            assertThat(report.status().name()).isEqualTo(expected.get("status").asText());
            List<RecordError> errors = report.errors();
            JsonNode expectedErrors = expected.get("errors");
            assertThat(errors).as("errors of " + sample).hasSize(expectedErrors.size());
            for (int i = 0; i < expectedErrors.size(); i++) {
                JsonNode e = expectedErrors.get(i);
                RecordError error = errors.get(i);
                assertThat(error.location()).as("location of error " + i).isEqualTo(e.get("location").asText());
                assertThat(error.field()).as("field of error " + i).isEqualTo(e.path("field").isMissingNode() || e.get("field").isNull() ? null : e.get("field").asText());
                assertThat(error.reason()).as("reason of error " + i).contains(e.get("reason").asText());
            }
        }));
    }

    @Test
    void garbageIsRejectedWithAReasonNeverThrown() throws IOException {
        Random random = new Random(42);
        List<byte[]> garbage = new ArrayList<>();
        garbage.add(new byte[0]);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        garbage.add(noise);
        garbage.add("\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8));
        for (Path sample : samples("valid")) {
            byte[] bytes = Files.readAllBytes(sample);
            garbage.add(java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        DocumentRun run = new DocumentRun(connector().descriptor().id(), connector().open(ConnectorConfig.of(connector().descriptor(), sampleConfig())),
                connector().descriptor().defaultErrorPolicy());
        for (byte[] bytes : garbage) {
            DocumentReport report = run.validate(DocumentSource.of(bytes), CONTEXT);
            if (report.status() != DocumentStatus.ACCEPTED) {
                assertThat(report.errors()).as("a rejection always says why").isNotEmpty();
                assertThat(report.errors()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
            }
        }
    }

    /**
     * Whether the connector builds each source record whole in memory (a CSV row, a JSON event, a bound XML
     * element) and so must apply {@link io.cmohub.connector.limits.RecordLimits}; a connector that streams
     * inside a record (EPCIS spools an event's EPC list) overrides this and says how its records are bounded.
     */
    protected boolean buildsRecordsWhole() {
        return true;
    }

    /** A connector that streams inside records must not be refused by limits it does not need: its records are still read. */
    @Test
    void aRecordOverTheRecordLimitsIsRefusedWithTheLimitNamed() throws IOException {
        GeneratedDocument large = largeDocument();
        GeneratedDocument three = new GeneratedDocument(large.head(), large.record(), large.tail(), 3, large.charset());
        DocumentContext tight = new DocumentContext(PARTNER, "tight", Instant.EPOCH, new io.cmohub.connector.limits.RecordLimits(3, 60, 5));
        DocumentRun run = new DocumentRun(connector().descriptor().id(), connector().open(ConnectorConfig.of(connector().descriptor(), sampleConfig())),
                connector().descriptor().defaultErrorPolicy());
        DocumentReport report = run.validate(three, tight);
        if (!buildsRecordsWhole()) {
            assertThat(report.status()).as(String.valueOf(report.errors())).isEqualTo(DocumentStatus.ACCEPTED);
            return;
        }
        assertThat(report.status()).isNotEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.errors()).as("the reason names the limit").anySatisfy(e -> assertThat(e.reason())
                .containsAnyOf("cmohub.limits.max-record-bytes", "cmohub.limits.max-cells-per-row"));
    }

    @Test
    void memoryStaysBoundedOnALargeGeneratedDocument() throws Exception {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(javaBinary.toString(), "-Xmx" + PROBE_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BoundedMemoryProbe.class.getName(), getClass().getName())
                .redirectErrorStream(true).start();
        String output;
        try (var in = probe.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(probe.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)).as("probe finished").isTrue();
        assertThat(probe.exitValue()).as("probe exit code (3 = out of memory: the parser holds the document); output:%n%s", output).isZero();
        String last = output.lines().reduce((a, b) -> b).orElse("{}");
        JsonNode report = CanonicalJson.mapper().readTree(last);
        System.out.println("[conformance] " + connector().descriptor().id() + " large document in " + PROBE_HEAP_MB + " MB heap: " + last);
        assertThat(report.path("bytes").asLong()).as("generated document size").isGreaterThanOrEqualTo(2L * PROBE_HEAP_MB * 1024 * 1024);
        assertThat(report.path("status").asText()).as(last).isEqualTo(DocumentStatus.ACCEPTED.name());
        assertThat(report.path("sourceEvents").asLong()).isEqualTo(largeDocument().records());
    }

    protected DocumentReport run(ConnectorConfig config, Path sample) throws IOException {
        return run(config, sample, new ArrayList<>());
    }

    protected DocumentReport run(ConnectorConfig config, Path sample, List<CanonicalRecord> out) throws IOException {
        DocumentRun run = new DocumentRun(connector().descriptor().id(), connector().open(config), connector().descriptor().defaultErrorPolicy());
        return run.deliver(DocumentSource.of(sample), CONTEXT, out::add);
    }

    protected List<Path> samples(String kind) throws IOException {
        Path dir = samplesDir().resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().contains(".expected")).sorted().toList();
        }
    }

    private static Path sibling(Path sample, String suffix) {
        String name = sample.getFileName().toString();
        int dot = name.indexOf('.');
        return sample.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + suffix);
    }

    private static void compare(Path expected, String actual) throws IOException {
        if (!Files.exists(expected)) {
            Path written = Path.of("target", "conformance", expected.getFileName().toString());
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual);
            fail("missing " + expected + "; the connector's output was written to " + written + " for review");
        }
        assertThat(actual.lines().toList()).as("events produced from " + expected).containsExactlyElementsOf(Files.readString(expected).lines().toList());
    }
}
