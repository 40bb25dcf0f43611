package io.cmohub.gateway.server.wiring;

import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.CircuitPolicy;
import io.cmohub.euhub.resilience.CircuitState;
import io.cmohub.euhub.resilience.RateLimitPolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.soap.KeyStoreFile;
import io.cmohub.euhub.soap.Secret;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.spring.boot.CmoHubSchemaMigration;
import java.net.URI;
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
import org.springframework.context.annotation.Configuration;

/**
 * The EU Hub client ({@code EuHubGateway}: the CXF SOAP binding behind the resilience decorator) and,
 * in the embedded default, the Hub simulator on the gateway's own database, so the walk-through and
 * the examples need no external system. Configuration: {@link EuHubProperties}. The starter's
 * {@code CmoHubEuHubAutoConfiguration} (same {@code cmohub.eu-hub.*} keys) backs off for this
 * {@code EuHubGateway} bean, and with {@code cmohub.eu-hub.enabled=false} neither creates one.
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
    @ConditionalOnProperty(name = {"cmohub.eu-hub.enabled", "cmohub.eu-hub.simulator.enabled"}, havingValue = "true", matchIfMissing = true)
    EuHubSimulatorServer euHubSimulator(DataSource dataSource, EuHubProperties properties, ObjectProvider<CmoHubSchemaMigration> hubSchema) {
        hubSchema.getIfAvailable();
        EuHubSimulatorServer simulator = EuHubSimulatorServer.builder().dataSource(dataSource).host(properties.getSimulator().getHost())
                .port(properties.getSimulator().getPort()).build().start();
        LOG.info("EU Hub simulator listening at {} (cmohub.eu-hub.simulator.enabled=false to use a real Hub)", simulator.address());
        return simulator;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cmohub.eu-hub.enabled", havingValue = "true", matchIfMissing = true)
    ResilientEuHubGateway euHubGateway(EuHubProperties properties, ObjectProvider<EuHubSimulatorServer> simulator, Bus bus) {
        SoapEndpointSettings settings = settings(properties, simulator.getIfAvailable());
        LOG.info("EU Hub client: {}", settings.address());
        EuHubProperties.Retry r = properties.getRetry();
        EuHubProperties.Circuit c = properties.getCircuit();
        EuHubProperties.RateLimit l = properties.getRateLimit();
        EuHubProperties.Cache cache = properties.getCache();
        return ResilientEuHubGateway.builder(SoapEuHubGateway.connect(settings, bus))
                .retry(new RetryPolicy(r.getMaxAttempts(), r.getInitialBackoff(), r.getMultiplier(), r.getJitter(), r.getMaxBackoff()))
                .circuit(new CircuitPolicy(c.getWindowSize(), c.getMinimumCalls(), c.getFailureRatePercent(), c.getOpenDuration(), c.getHalfOpenCalls()))
                .rateLimit(new RateLimitPolicy(l.getPermits(), l.getPeriod(), l.getMaxWait()))
                .cache(cache.getTtl().isZero() || cache.getMaxEntries() == 0 ? CachePolicy.OFF : new CachePolicy(cache.getTtl(), cache.getMaxEntries()))
                .build();
    }

    static SoapEndpointSettings settings(EuHubProperties p, EuHubSimulatorServer simulator) {
        if (simulator != null) {
            return SoapEndpointSettings.plainHttp(simulator.address()).withTimeouts(p.getConnectTimeout(), p.getReadTimeout());
        }
        if (p.getAddress() == null || p.getAddress().isBlank()) {
            throw new IllegalStateException("cmohub.eu-hub.address is required when cmohub.eu-hub.simulator.enabled=false "
                    + "(or set cmohub.eu-hub.enabled=false to run without an EU Hub client)");
        }
        return new SoapEndpointSettings(URI.create(p.getAddress()), p.getConnectTimeout(), p.getReadTimeout(), store(p.getClientCertificate()),
                p.getCertificateAlias().isBlank() ? null : p.getCertificateAlias(), store(p.getTrustStore()), p.isAllowPlainHttp(), p.isValidateAnswers());
    }

    private static KeyStoreFile store(EuHubProperties.Store store) {
        return store.getPath() == null ? null : new KeyStoreFile(store.getPath(), store.getType(), Secret.of(store.getPassword()));
    }

    /** {@code euHub} in /actuator/health: DOWN while the circuit is OPEN (the Hub failed too often), with the state and address. */
    @Bean
    @ConditionalOnProperty(name = "cmohub.eu-hub.enabled", havingValue = "true", matchIfMissing = true)
    HealthIndicator euHubHealthIndicator(ResilientEuHubGateway hub, ObjectProvider<EuHubSimulatorServer> simulator, EuHubProperties properties) {
        return () -> {
            CircuitState state = hub.circuitState();
            Health.Builder health = state == CircuitState.OPEN ? Health.down() : Health.up();
            health.withDetail("circuit", state.name());
            EuHubSimulatorServer sim = simulator.getIfAvailable();
            health.withDetail("endpoint", sim != null ? sim.address().toString() : properties.getAddress());
            health.withDetail("simulator", sim != null);
            return health.build();
        };
    }
}
