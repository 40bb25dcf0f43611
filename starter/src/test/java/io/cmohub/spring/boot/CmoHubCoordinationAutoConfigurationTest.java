package io.cmohub.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.coordination.CmoHubCoordination;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.routes.publish.EventPublisher;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter wires alert coordination for a Spring Boot host that has a pipeline, an EU Hub and a publisher, and backs off otherwise. */
class CmoHubCoordinationAutoConfigurationTest {
    static EuHubSimulatorServer simulator;
    static ResilientEuHubGateway hub;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startSimulator() {
        simulator = EuHubSimulatorServer.builder().build().start();
        hub = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address()))).build();
    }

    @AfterAll
    static void stopSimulator() {
        hub.close();
        simulator.stop();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CmoHubAutoConfiguration.class,
                        CmoHubProcessingAutoConfiguration.class, CmoHubEuHubAutoConfiguration.class, CmoHubCoordinationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "cmohub.data-dir=" + dataDir,
                        "cmohub.coordination.sponsor-qa.name=QA on duty", "cmohub.coordination.sponsor-qa.email=qa@sponsor.example",
                        "cmohub.coordination.node=node-7")
                .withBean(EuHubGateway.class, () -> hub)
                .withBean(EventPublisher.class, () -> (events, documentId) -> { });
    }

    @Test
    void wiresCoordinationOnTheHostsPipelineWithItsSettings() {
        runner().withPropertyValues("cmohub.coordination.events.uri=direct:coordination").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CmoHubCoordination.class).hasBean("cmohubCoordinationRoutes");
            CmoHubCoordination coordination = context.getBean(CmoHubCoordination.class);
            assertThat(coordination.caseViews().list(null, null, 10)).as("the coordination tables exist on the host's database").isEmpty();
            assertThat(coordination.liaisons().list()).isEmpty();
        });
    }

    @Test
    void noRoutesUntilTheHostSaysWhereEventsComeFrom() {
        runner().run(context -> assertThat(context).hasNotFailed().hasSingleBean(CmoHubCoordination.class).doesNotHaveBean("cmohubCoordinationRoutes"));
    }

    @Test
    void backsOffWhenSwitchedOffOrWithoutAnEuHub() {
        runner().withPropertyValues("cmohub.coordination.enabled=false").run(context -> assertThat(context).doesNotHaveBean(CmoHubCoordination.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CmoHubAutoConfiguration.class,
                        CmoHubCoordinationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "cmohub.data-dir=" + dataDir)
                .withBean(EventPublisher.class, () -> (events, documentId) -> { })
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CmoHubCoordination.class));
    }
}
