package io.cmohub.gateway.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which EU Hub the gateway talks to: a configured address is never silently overridden by the simulator
 * flag's default, a contradictory pair stops the start with the reason, and health says which one runs.
 */
class EuHubSelectionTest {

    @Configuration
    static class Infrastructure {
        @Bean
        DataSource dataSource() {
            return TestDatabases.h2();
        }

        @Bean(destroyMethod = "shutdown")
        Bus bus() {
            return BusFactory.newInstance().createBus();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, EuHubConfiguration.class);

    @Test
    void withoutAnAddressTheSimulatorIsTheHubAndHealthSaysSo() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EuHubSimulatorServer.class).hasSingleBean(ResilientEuHubGateway.class);
            Health health = context.getBean("euHubHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("mode", "simulator").containsEntry("simulator", true);
            assertThat(health.getDetails().get("endpoint").toString())
                    .isEqualTo(context.getBean(EuHubSimulatorServer.class).address().toString());
        });
    }

    @Test
    void aConfiguredAddressIsUsedAndNoSimulatorStarts() {
        runner.withPropertyValues("cmohub.eu-hub.address=http://127.0.0.1:9/hub", "cmohub.eu-hub.allow-plain-http=true").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EuHubSimulatorServer.class).hasSingleBean(ResilientEuHubGateway.class);
            Health health = context.getBean("euHubHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("mode", "hub").containsEntry("simulator", false)
                    .containsEntry("endpoint", "http://127.0.0.1:9/hub");
        });
    }

    @Test
    void anAddressBesideAnExplicitSimulatorIsRefusedAtStartUp() {
        runner.withPropertyValues("cmohub.eu-hub.address=https://hub.example.invalid/soap", "cmohub.eu-hub.simulator.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("contradict each other")
                    .hasMessageContaining("cmohub.eu-hub.address=https://hub.example.invalid/soap");
        });
    }

    @Test
    void theSimulatorSwitchedOffWithoutAnAddressIsRefusedAtStartUp() {
        runner.withPropertyValues("cmohub.eu-hub.simulator.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("cmohub.eu-hub.address is required");
        });
    }

    @Test
    void noClientAndNoSimulatorWhenTheEuHubIsOff() {
        runner.withPropertyValues("cmohub.eu-hub.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(EuHubSimulatorServer.class).doesNotHaveBean(ResilientEuHubGateway.class));
    }
}
