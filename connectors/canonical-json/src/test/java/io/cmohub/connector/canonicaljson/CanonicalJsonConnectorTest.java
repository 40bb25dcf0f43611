package io.cmohub.connector.canonicaljson;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonConnectorTest extends ConnectorConformanceTest {
    private final CanonicalJsonConnector connector = new CanonicalJsonConnector();

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("[\n", i -> (i == 0 ? "" : ",\n")
                + "{\"specversion\": \"1.0\", \"id\": \"" + i + "\", \"source\": \"/acme\", \"type\": \"io.cmohub.qc-result.recorded.v1\", \"partner\": \"acme-cmo\","
                + " \"data\": {\"partner\": \"acme-cmo\", \"product\": \"05012345678900\", \"batchId\": \"B" + i + "\", \"sampleId\": \"S-001\","
                + " \"testCode\": \"ASSAY\", \"lowerLimit\": 95.0, \"upperLimit\": 105.0, \"numericResult\": 99.40, \"unit\": \"%\", \"outOfSpecification\": false}}",
                "\n]\n", 500_000);
    }

    @Test
    void convertedOutputReadsBackToTheSameEvents() throws Exception {
        List<CanonicalRecord> first = new ArrayList<>();
        DocumentRun run = new DocumentRun(CanonicalJsonConnector.ID, connector.open(ConnectorConfig.defaults(connector.descriptor())),
                connector.descriptor().defaultErrorPolicy());
        run.deliver(DocumentSource.of(java.nio.file.Path.of("src/test/resources/samples/valid/array.json")), CONTEXT, first::add);

        StringBuilder ndjson = new StringBuilder();
        for (CanonicalRecord record : first) {
            ndjson.append(CanonicalJson.mapper().writeValueAsString(CanonicalEvent.of(record, CanonicalEvent.partnerSource("acme-cmo"), "acme-cmo", Instant.EPOCH))).append('\n');
        }
        List<CanonicalRecord> second = new ArrayList<>();
        DocumentReport report = run.deliver(DocumentSource.of(ndjson.toString().getBytes(StandardCharsets.UTF_8)), CONTEXT, second::add);

        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void deeplyNestedJsonIsRejectedNotFollowed() throws Exception {
        String deep = "{\"specversion\":\"1.0\",\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        DocumentReport report = new DocumentRun(CanonicalJsonConnector.ID, connector.open(ConnectorConfig.defaults(connector.descriptor())),
                connector.descriptor().defaultErrorPolicy()).validate(DocumentSource.of(deep.getBytes(StandardCharsets.UTF_8)), CONTEXT);
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors().get(0).reason()).contains("nesting depth");
    }

    @Test
    void aValueWhereAnEventShouldBeIsNamedAsTheCmoSentIt() throws Exception {
        for (String[] sent : new String[][] {{"42", "found the number 42"}, {"[\"B1\"]", "found the string \"B1\""}, {"null", "found the literal null"},
                {"[[1]]", "found an array"}}) {
            DocumentReport report = new DocumentRun(CanonicalJsonConnector.ID, connector.open(ConnectorConfig.defaults(connector.descriptor())),
                    connector.descriptor().defaultErrorPolicy()).validate(DocumentSource.of(sent[0].getBytes(StandardCharsets.UTF_8)), CONTEXT);
            assertThat(report.status()).as(sent[0]).isEqualTo(DocumentStatus.REJECTED);
            assertThat(report.errors().get(0).reason()).as(sent[0]).isEqualTo("expected a CloudEvent JSON object, " + sent[1]);
        }
    }

    @Test
    void partnerCheckCanBeTurnedOffForSponsorSideFiles() throws Exception {
        String event = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/a\",\"type\":\"io.cmohub.batch.updated.v1\",\"data\":"
                + "{\"product\":\"05012345678900\",\"batchId\":\"B1\",\"status\":\"RELEASED\",\"partner\":\"other-cmo\"}}";
        DocumentReport report = new DocumentRun(CanonicalJsonConnector.ID,
                connector.open(ConnectorConfig.of(connector.descriptor(), Map.of("check-partner", "false"))), connector.descriptor().defaultErrorPolicy())
                .validate(DocumentSource.of(event.getBytes(StandardCharsets.UTF_8)), CONTEXT);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
    }
}
