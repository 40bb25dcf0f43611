package io.cmohub.routes.templates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmohub.routes.outbound.WebhookSignature;
import io.cmohub.routes.publish.EventHeaders;
import io.cmohub.routes.store.DocumentState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route templates in a plain CamelContext: no Spring, created from Java, YAML and XML. */
class RouteTemplatesTest {
    static final String CSV = "product_code,batch_id,status,site_id\n05012345678900,B1,RELEASED,ACME-LYON\n05012345678900,B2,RELEASED,ACME-LYON\n";

    @TempDir
    Path dir;
    CamelContext camel;
    CmoHubPipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pipeline = CmoHubPipeline.builder()
                .dataSource(h2)
                .migrateSchema(true)
                .documentsDirectory(dir.resolve("documents").toString())
                .partner(new PartnerSeed("acme-cmo", "ACME", null, null, List.of("05012345678900"), List.of("ACME-LYON"),
                        Map.of("csv-batch-record", new PartnerSeed.Format("*.csv", Map.of()))))
                .build();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(CmoHubPipeline.BEAN_NAME, pipeline);
        camel.addRoutes(new CmoHubRouteTemplates());
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void intakeFromJavaPublishesEachRecordOnceToTheRoutesOwnEndpoint() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        TemplatedRouteBuilder.builder(camel, CmoHubRouteTemplates.INTAKE_ID).routeId("acme-files")
                .parameter("fromUri", "file:" + inbox + "?initialDelay=0&delay=50&move=done")
                .parameter("partner", "acme-cmo")
                .parameter("publishUri", "mock:events-${entity}")
                .add();
        MockEndpoint events = camel.getEndpoint("mock:events-batch", MockEndpoint.class);
        events.expectedMessageCount(2);

        Files.writeString(inbox.resolve("batches.csv"), CSV);
        events.assertIsSatisfied(20_000);
        Exchange first = events.getExchanges().get(0);
        assertThat(first.getMessage().getBody(String.class)).contains("\"type\":\"io.cmohub.batch.updated.v1\"", "\"partner\":\"acme-cmo\"");
        assertThat(first.getMessage().getHeader(EventHeaders.PARTNER)).isEqualTo("acme-cmo");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/batches.csv")));

        // The same records again, in another file: deduplicated, nothing published.
        events.reset();
        events.expectedMessageCount(0);
        Files.writeString(inbox.resolve("again.csv"), CSV);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/again.csv")));
        events.assertIsSatisfied(500);
        assertThat(pipeline.documentRegistry().unfinished()).isEmpty();
    }

    @Test
    void intakeFromYamlSetsTheDocumentOutcomeHeaders() throws Exception {
        load("intake.yaml", """
                - templatedRoute:
                    routeTemplateRef: cmohub-intake
                    routeId: acme-direct
                    parameters:
                      - name: fromUri
                        value: direct:acme
                      - name: partner
                        value: acme-cmo
                      - name: format
                        value: csv-batch-record
                      - name: publishUri
                        value: mock:yaml-events
                """);
        MockEndpoint events = camel.getEndpoint("mock:yaml-events", MockEndpoint.class);
        events.expectedMessageCount(2);
        Exchange done = camel.createProducerTemplate().request("direct:acme", e -> e.getMessage().setBody(CSV));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(CmoHubRouteTemplates.STATUS_HEADER)).isEqualTo(DocumentState.ACCEPTED.name());
        events.assertIsSatisfied(5_000);

        // A partner's file in a format not registered for it is rejected with a reason, not published.
        Exchange rejected = camel.createProducerTemplate().request("direct:acme", e -> e.getMessage().setBody("product_code\nnot-a-gtin\n"));
        assertThat(rejected.getMessage().getHeader(CmoHubRouteTemplates.STATUS_HEADER)).isEqualTo(DocumentState.REJECTED.name());
    }

    @Test
    void intakeFromXmlUsesThePipelinesOwnPublisherWhenNoEndpointIsGiven() throws Exception {
        List<String> published = new CopyOnWriteArrayList<>();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        CmoHubPipeline other = CmoHubPipeline.builder().dataSource(h2).migrateSchema(true)
                .documentsDirectory(dir.resolve("other").toString())
                .partnersFile("classpath:templates/partners.json")
                .eventPublisher((batch, documentId) -> batch.forEach(e -> published.add(e.id())))
                .build();
        camel.getRegistry().bind("otherHub", other);
        load("intake.xml", """
                <templatedRoutes xmlns="http://camel.apache.org/schema/spring">
                  <templatedRoute routeTemplateRef="cmohub-intake" routeId="acme-xml">
                    <parameter name="fromUri" value="direct:acme-xml"/>
                    <parameter name="partner" value="acme-cmo"/>
                    <parameter name="pipeline" value="otherHub"/>
                  </templatedRoute>
                </templatedRoutes>
                """);
        camel.createProducerTemplate().sendBodyAndHeader("direct:acme-xml", CSV, Exchange.FILE_NAME, "x.csv");
        assertThat(published).hasSize(2);
    }

    @Test
    void aMissingRequiredParameterFailsTheRouteNotTheMessages() {
        assertThatThrownBy(() -> TemplatedRouteBuilder.builder(camel, CmoHubRouteTemplates.INTAKE_ID)
                .parameter("fromUri", "direct:nobody").add())
                .hasMessageContaining("partner");
        assertThatThrownBy(() -> TemplatedRouteBuilder.builder(camel, CmoHubRouteTemplates.INTAKE_ID)
                .parameter("fromUri", "direct:nobody").parameter("partner", "acme-cmo").parameter("pipeline", "missing").add())
                .hasStackTraceContaining("no CmoHubPipeline named 'missing'");
    }

    @Test
    void webhookTemplateSignsFiltersRetriesAndDeadLetters() throws Exception {
        WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(204)));
            receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));
            String secret = "0123456789abcdef-secret";
            load("webhooks.yaml", """
                    - templatedRoute:
                        routeTemplateRef: cmohub-outbound-webhook
                        parameters:
                          - {name: name, value: qms}
                          - {name: fromUri, value: "direct:qms"}
                          - {name: url, value: "http://localhost:%1$d/ok"}
                          - {name: secret, value: "%2$s"}
                          - {name: deadLetterUri, value: "mock:qms-dlq"}
                          - {name: partners, value: acme-cmo}
                    - templatedRoute:
                        routeTemplateRef: cmohub-outbound-webhook
                        parameters:
                          - {name: name, value: erp}
                          - {name: fromUri, value: "direct:erp"}
                          - {name: url, value: "http://localhost:%1$d/down"}
                          - {name: secret, value: "%2$s"}
                          - {name: deadLetterUri, value: "mock:erp-dlq"}
                          - {name: maxAttempts, value: "3"}
                          - {name: initialDelayMs, value: "10"}
                    """.formatted(receiver.port(), secret));
            String event = "{\"specversion\":\"1.0\",\"id\":\"e1\"}";
            Map<String, Object> headers = Map.of(EventHeaders.EVENT_ID, "e1", EventHeaders.EVENT_TYPE, "io.cmohub.batch.updated.v1",
                    EventHeaders.PARTNER, "acme-cmo", "JMSXDeliveryCount", 1);
            camel.createProducerTemplate().sendBodyAndHeaders("direct:qms", event, headers);
            camel.createProducerTemplate().sendBodyAndHeaders("direct:qms", event, Map.of(EventHeaders.PARTNER, "other-cmo"));

            List<LoggedRequest> delivered = receiver.findAll(postRequestedFor(urlEqualTo("/ok")));
            assertThat(delivered).hasSize(1); // the other partner's event is filtered out
            LoggedRequest request = delivered.get(0);
            assertThat(request.getHeader("ce-id")).isEqualTo("e1");
            assertThat(request.getHeader("User-Agent")).isEqualTo("cmohub-qms");
            assertThat(request.containsHeader("JMSXDeliveryCount")).isFalse();
            assertThat(WebhookSignature.verify(secret, request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                    request.getBodyAsString().getBytes(StandardCharsets.UTF_8), request.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();

            MockEndpoint dlq = camel.getEndpoint("mock:erp-dlq", MockEndpoint.class);
            dlq.expectedBodiesReceived(event);
            camel.createProducerTemplate().sendBodyAndHeaders("direct:erp", event, headers);
            dlq.assertIsSatisfied(5_000);
            // 3 attempts; Apache HttpClient itself re-sends a 503 once per attempt (its default retry strategy)
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/down")))).hasSizeBetween(3, 6);
            assertThat(dlq.getExchanges().get(0).getMessage().getHeader(EventHeaders.EVENT_ID)).isEqualTo("e1"); // the original message
        } finally {
            receiver.stop();
        }
    }

    @Test
    void aWebhookSecretTooShortToSignWithFailsTheRoute() {
        assertThatThrownBy(() -> TemplatedRouteBuilder.builder(camel, CmoHubRouteTemplates.OUTBOUND_WEBHOOK_ID)
                .parameter("name", "qms").parameter("fromUri", "direct:q").parameter("url", "http://localhost:1/x")
                .parameter("secret", "short").parameter("deadLetterUri", "mock:d").add())
                .hasStackTraceContaining("secret of at least 16 characters");
    }

    @Test
    void alertIntakeHandsEachMessageToTheAlertDocumentHandlerBean() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AlertDocumentHandler alerts = (source, content, headers) -> {
            received.add(source + ":" + new String(content.readAllBytes(), StandardCharsets.UTF_8));
            return "alert-" + received.size();
        };
        camel.getRegistry().bind(CmoHubRouteTemplates.ALERT_INTAKE_BEAN, alerts);
        TemplatedRouteBuilder.builder(camel, CmoHubRouteTemplates.ALERT_INTAKE_ID)
                .parameter("fromUri", "direct:alerts").parameter("source", "eu-hub").add();
        Exchange done = camel.createProducerTemplate().request("direct:alerts", e -> e.getMessage().setBody("<alert/>"));
        assertThat(received).containsExactly("eu-hub:<alert/>");
        assertThat(done.getMessage().getHeader("CmoHubAlertId")).isEqualTo("alert-1");
    }

    @Test
    void everyDeclaredParameterIsDocumentedAndEveryTemplateIsRegistered() {
        var model = ((org.apache.camel.model.ModelCamelContext) camel);
        for (RouteTemplateDescriptor descriptor : CmoHubRouteTemplates.ALL) {
            var template = model.getRouteTemplateDefinition(descriptor.id());
            assertThat(template).as(descriptor.id()).isNotNull();
            assertThat(template.getTemplateParameters()).allSatisfy(p -> assertThat(p.getDescription()).isNotBlank());
            assertThat(template.getTemplateParameters().stream().map(p -> p.getName()).toList())
                    .containsExactlyElementsOf(descriptor.parameters().stream().map(TemplateParameter::name).toList());
        }
    }

    private void load(String name, String text) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(name, text));
    }

}
