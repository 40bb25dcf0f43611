package io.cmohub.gateway.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.EventIds;
import io.cmohub.model.value.PartnerId;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import io.cmohub.gateway.process.GatewayProcess;
import org.junit.jupiter.api.Test;

/**
 * The no-loss, no-duplicate proof: the gateway runs as a separate JVM (broker embedded, journal and
 * H2 on disk), receives thousands of records, is killed with SIGKILL while it is processing them,
 * and is started again on the same data directory. Every expected event id must then be at the
 * sponsor's JMS queue exactly once: counted there, by id, not in the hub's own logs.
 */
class CrashRecoveryIT {
    private static final int DOCUMENTS = 40;
    private static final int RECORDS_PER_DOCUMENT = 500;
    private static final String SINK = "crash.sink";

    private final GatewayProcess gateway = new GatewayProcess(Path.of("target", "crash-" + UUID.randomUUID()));
    private final int brokerPort = GatewayProcess.freePort();
    private static final String BROKER_USER = "crash-drain";
    private static final String BROKER_PASSWORD = "crash-drain-password-0001";

    @Test
    void killedMidIngestionAndRestartedNothingIsMissingOrDoubled() throws Exception {
        Map<String, String> documents = new HashMap<>();
        Set<String> expectedIds = new HashSet<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            String csv = csv(d);
            expectedIds.addAll(expectedEventIds(csv));
            documents.put("doc-" + d, csv);
        }
        assertThat(expectedIds).hasSize(DOCUMENTS * RECORDS_PER_DOCUMENT);

        start("first");
        List<String> documentIds = new ArrayList<>();
        for (String csv : documents.values()) {
            documentIds.add(post(csv));
        }
        // Kill once some documents are finished but not all: mid-ingestion by construction.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int finished;
        while ((finished = finished(documentIds)) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        gateway.kill();
        System.out.println("crash test: killed the gateway with SIGKILL after " + finished + " of " + DOCUMENTS + " documents had finished");
        assertThat(finished).as("the kill must hit the gateway in the middle of the work").isBetween(1, DOCUMENTS - 1);

        start("second");
        try {
            long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (finished(documentIds) < DOCUMENTS && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(finished(documentIds)).as("documents finished after the restart").isEqualTo(DOCUMENTS);
            for (String id : documentIds) {
                assertThat(gateway.status(id).get("status").asText()).as("document " + id).isEqualTo("ACCEPTED");
            }

            // the acceptor is the broker's door for other processes: nobody without the configured login gets in
            for (String[] login : new String[][] {{null, null}, {BROKER_USER, "not-the-password-00"}, {"cmohub-gateway", null}}) {
                try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort)) {
                    assertThatThrownBy(() -> factory.createConnection(login[0], login[1]).close()).as("login " + login[0])
                            .isInstanceOf(jakarta.jms.JMSSecurityException.class);
                }
            }
            List<String> delivered = drainSink();
            Set<String> distinct = new HashSet<>(delivered);
            Set<String> missing = new HashSet<>(expectedIds);
            missing.removeAll(distinct);
            System.out.println("crash test: expected " + expectedIds.size() + " events, delivered " + delivered.size() + ", distinct "
                    + distinct.size() + ", missing " + missing.size());
            assertThat(missing).as("events missing downstream").isEmpty();
            assertThat(delivered).as("events delivered more than once").hasSameSizeAs(distinct);
            assertThat(distinct).isEqualTo(expectedIds);
        } finally {
            gateway.stop();
        }
    }

    private String csv(int document) {
        StringBuilder csv = new StringBuilder("product_code,batch_id,status,site_id,markets\n");
        for (int r = 0; r < RECORDS_PER_DOCUMENT; r++) {
            csv.append("05012345678900,C").append(document).append('-').append(r).append(",RELEASED,ACME-LYON,DE\n");
        }
        return csv.toString();
    }

    private static Set<String> expectedEventIds(String csv) throws IOException {
        CmoConnector connector = ConnectorCatalog.load().find("csv-batch-record").orElseThrow();
        DocumentRun run = new DocumentRun("csv-batch-record", connector.open(ConnectorConfig.defaults(connector.descriptor())),
                connector.descriptor().defaultErrorPolicy());
        Set<String> ids = new HashSet<>();
        run.deliver(DocumentSource.of(csv.getBytes(StandardCharsets.UTF_8)), new DocumentContext(PartnerId.of("acme-cmo"), "x", Instant.EPOCH),
                record -> ids.add(EventIds.of(record)));
        return ids;
    }

    private void start(String name) throws Exception {
        gateway.start(name, "768m", List.of(
                "--cmohub.broker.acceptor-url=tcp://127.0.0.1:" + brokerPort,
                "--cmohub.broker.acceptor-user=" + BROKER_USER,
                "--cmohub.broker.acceptor-password=" + BROKER_PASSWORD,
                "--cmohub.publish-batch-size=100",
                "--cmohub.outbound.routes[0].name=sink",
                "--cmohub.outbound.routes[0].kind=JMS",
                "--cmohub.outbound.routes[0].destination=jms:queue:" + SINK,
                "--cmohub.outbound.routes[0].consumers=4",
                "--spring.artemis.embedded.queues=cmohub.documents,cmohub.inbound," + SINK));
    }

    private String post(String csv) throws Exception {
        HttpResponse<String> response = gateway.post("csv-batch-record", "text/csv", HttpRequest.BodyPublishers.ofString(csv));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return GatewayProcess.documentId(response);
    }

    private int finished(List<String> documentIds) throws Exception {
        int finished = 0;
        for (String id : documentIds) {
            if (gateway.isFinished(id)) {
                finished++;
            }
        }
        return finished;
    }

    private List<String> drainSink() throws Exception {
        List<String> ids = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
             Connection connection = factory.createConnection(BROKER_USER, BROKER_PASSWORD)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(SINK));
            Message message;
            while ((message = consumer.receive(5000)) != null) {
                ids.add(CanonicalJson.mapper().readTree(((TextMessage) message).getText()).get("id").asText());
            }
        }
        return ids;
    }
}
