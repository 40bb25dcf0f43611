package io.cmohub.gateway.server.wiring;

import io.cmohub.euhub.resilience.CircuitState;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.spring.boot.CmoHubSchemaMigration;
import io.cmohub.spring.boot.EuHubClient;
import io.cmohub.spring.boot.EuHubProperties;
import javax.sql.DataSource;
import org.apache.cxf.Bus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The EU Hub client ({@code EuHubGateway}, built by the starter's {@link EuHubClient}) and, when no Hub
 * address is configured, the Hub simulator on the gateway's own database, so the walk-through and the
 * examples need no external system. Configuration: {@link EuHubProperties}; the choice between simulator
 * and Hub: {@link EuHubProperties#usesSimulator()}, shown in {@code /actuator/health} ({@code euHub.mode}).
 * With {@code cmohub.eu-hub.enabled=false} there is no client at all.
 */
@Configuration
@EnableConfigurationProperties(EuHubProperties.class)
public class EuHubConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EuHubConfiguration.class);

    /**
     * The simulator: embedded Tomcat on its own port (the client needs its address before the
     * gateway's own port is known), tables {@code emvs_sim_*} with their own Flyway history, after
     * the hub's migration, so that the hub's history starts on the schema the hub itself created.
     */
    @Bean(destroyMethod = "stop")
    @Conditional(SimulatorSelected.class)
    EuHubSimulatorServer euHubSimulator(DataSource dataSource, EuHubProperties properties, ObjectProvider<CmoHubSchemaMigration> hubSchema) {
        properties.usesSimulator(); // refuses a configured address beside simulator.enabled=true before anything starts
        hubSchema.getIfAvailable();
        EuHubSimulatorServer simulator = EuHubSimulatorServer.builder().dataSource(dataSource).host(properties.getSimulator().getHost())
                .port(properties.getSimulator().getPort()).build().start();
        LOG.warn("EU Hub SIMULATOR listening at {}: reconciliations and release checks run against simulated data "
                + "(set cmohub.eu-hub.address to use a real Hub)", simulator.address());
        return simulator;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cmohub.eu-hub.enabled", havingValue = "true", matchIfMissing = true)
    ResilientEuHubGateway euHubGateway(EuHubProperties properties, ObjectProvider<EuHubSimulatorServer> simulator, Bus bus) {
        SoapEndpointSettings endpoint = endpoint(properties, simulator.getIfAvailable());
        LOG.info("EU Hub client: {} ({})", endpoint.address(), properties.usesSimulator() ? "simulator" : "hub");
        return EuHubClient.build(properties, endpoint, bus);
    }

    static SoapEndpointSettings endpoint(EuHubProperties p, EuHubSimulatorServer simulator) {
        if (p.usesSimulator()) {
            if (simulator == null) {
                throw new IllegalStateException("the EU Hub simulator was selected but not started");
            }
            return SoapEndpointSettings.plainHttp(simulator.address()).withTimeouts(p.getConnectTimeout(), p.getReadTimeout());
        }
        return EuHubClient.endpoint(p);
    }

    /** {@code euHub} in /actuator/health: DOWN while the circuit is OPEN (the Hub failed too often); which Hub is used, and where. */
    @Bean
    @ConditionalOnProperty(name = "cmohub.eu-hub.enabled", havingValue = "true", matchIfMissing = true)
    HealthIndicator euHubHealthIndicator(ResilientEuHubGateway hub, ObjectProvider<EuHubSimulatorServer> simulator, EuHubProperties properties) {
        return () -> {
            CircuitState state = hub.circuitState();
            Health.Builder health = state == CircuitState.OPEN ? Health.down() : Health.up();
            health.withDetail("circuit", state.name());
            EuHubSimulatorServer sim = simulator.getIfAvailable();
            health.withDetail("mode", sim != null ? "simulator" : "hub");
            health.withDetail("endpoint", sim != null ? sim.address().toString() : properties.getAddress());
            health.withDetail("simulator", sim != null);
            return health.build();
        };
    }
}
