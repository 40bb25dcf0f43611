package io.cmohub.coordination.packstates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.CircuitPolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.model.PackStateCount;
import io.cmohub.model.PackStateSummary;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@value PackStateRouteTemplates#ID} template in plain Camel (no Spring, no database), created from
 * the YAML that docs/embedding.md shows, asking the EU Hub simulator over SOAP.
 */
class PackStateRouteTemplateTest {
    static final Path YAML = Path.of("src/test/resources/pack-state-queries.camel.yaml");
    static EuHubSimulatorServer simulator;
    static SoapEuHubGateway binding;
    CamelContext camel;

    @BeforeAll
    static void startSimulator() {
        simulator = PackStateFixture.seededSimulator();
        binding = SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address()));
    }

    @AfterAll
    static void stopSimulator() {
        binding.close();
        simulator.stop();
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    void start(ResilientEuHubGateway hub) throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("packStates.from", "direct:pack-state-queries");
        properties.setProperty("packStates.publish", "mock:sponsor-events");
        properties.setProperty("packStates.rejected", "mock:rejected-queries");
        properties.setProperty("packStates.resumeAfterMs", "100");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry().bind("euHubGateway", hub);
        camel.addRoutes(new PackStateRouteTemplates());
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("pack-state-queries.camel.yaml", Files.readString(YAML)));
        camel.start();
    }

    static ResilientEuHubGateway resilient(io.cmohub.euhub.EuHubGateway binding) {
        return ResilientEuHubGateway.builder(binding).retry(RetryPolicy.NONE).cache(CachePolicy.OFF).build();
    }

    static String json(List<PackQuery> packs) {
        StringBuilder json = new StringBuilder("{\"packs\": [");
        for (int i = 0; i < packs.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"product\":\"").append(packs.get(i).product()).append("\",\"serial\":\"")
                    .append(packs.get(i).serial()).append("\"}");
        }
        return json.append("]}").toString();
    }

    List<CanonicalEvent> events() {
        CanonicalEventReader reader = new CanonicalEventReader();
        return camel.getEndpoint("mock:sponsor-events", MockEndpoint.class).getExchanges().stream().map(e -> {
            try {
                return reader.read(CanonicalJson.mapper().readTree(e.getMessage().getBody(String.class)));
            } catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
        }).toList();
    }

    @Test
    void aJsonQueryFromTheYamlRoutePublishesEachStateAndTheSummary() throws Exception {
        start(resilient(binding));
        String reply = camel.createProducerTemplate().requestBody("direct:pack-state-queries", json(PackStateFixture.seededPacks(2_500)), String.class);

        List<CanonicalEvent> events = events();
        assertThat(events).hasSize(2_501);
        assertThat(events.subList(0, 2_500)).allSatisfy(e -> assertThat(e.type()).isEqualTo("io.cmohub.pack-state.reported.v1"));
        PackStateSummary summary = (PackStateSummary) events.get(2_500).data();
        assertThat(summary.asked()).isEqualTo(2_500L);
        assertThat(summary.answered()).isEqualTo(2_500L);
        assertThat(summary.requestedBy()).isEqualTo("sponsor-pack-state-queries");
        assertThat(summary.counts()).contains(new PackStateCount("DESTROYED", 2_500 / 9));
        assertThat(CanonicalJson.mapper().readTree(reply).path("type").asText()).isEqualTo("io.cmohub.pack-state-summary.completed.v1");
        assertThat(camel.getEndpoint("mock:sponsor-events", MockEndpoint.class).getExchanges().get(0).getMessage().getHeaders())
                .containsKey("cmohubEventId");
    }

    @Test
    void aCsvQueryIsReadByItsContentTypeAndABadOneGoesToTheRejectedEndpoint() throws Exception {
        start(resilient(binding));
        camel.createProducerTemplate().sendBodyAndHeader("direct:pack-state-queries",
                "product,serial\n05012345100012,DEK76RN3RKAY\n05012345100012,NOTUPLOADED1\n", Exchange.CONTENT_TYPE, "text/csv");
        assertThat(events()).hasSize(2);
        assertThat(((PackStateSummary) events().get(1).data()).counts()).contains(new PackStateCount("UNKNOWN_SERIAL", 1));

        String bad = "product,serial\n05012345100012,DEK76RN3RKAY\n05012345100013,X\n";
        camel.createProducerTemplate().sendBodyAndHeader("direct:pack-state-queries", bad, Exchange.CONTENT_TYPE, "text/csv");
        MockEndpoint rejected = camel.getEndpoint("mock:rejected-queries", MockEndpoint.class);
        assertThat(rejected.getExchanges()).hasSize(1);
        assertThat(rejected.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo(bad);
        assertThat(rejected.getExchanges().get(0).getMessage().getHeader(PackStateRouteTemplates.REJECTION_HEADER, String.class))
                .startsWith("line 3: ").contains("05012345100013");
        assertThat(events()).as("nothing asked for a refused query").hasSize(2);
    }

    @Test
    void whileTheCircuitIsOpenTheQueryWaitsAndResumes() throws Exception {
        FlakyHub flaky = new FlakyHub(binding);
        flaky.down = true;
        ResilientEuHubGateway hub = ResilientEuHubGateway.builder(flaky).retry(RetryPolicy.NONE).cache(CachePolicy.OFF)
                .circuit(new CircuitPolicy(2, 2, 50f, Duration.ofMillis(400), 1)).build();
        start(hub);
        Thread healer = new Thread(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flaky.down = false;
        });
        healer.start();
        camel.createProducerTemplate().requestBody("direct:pack-state-queries", json(PackStateFixture.seededPacks(1_500)), String.class);
        healer.join();

        PackStateSummary summary = (PackStateSummary) events().get(events().size() - 1).data();
        assertThat(summary.answered()).isEqualTo(1_500L);
        assertThat(summary.failed()).isZero();
        assertThat(flaky.refused.get()).as("the open circuit kept calls off the Hub").isLessThan(5);
    }
}
