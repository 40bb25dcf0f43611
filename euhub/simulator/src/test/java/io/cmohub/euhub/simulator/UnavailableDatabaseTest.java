package io.cmohub.euhub.simulator;

import io.cmohub.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The simulated Hub's own outage reaches the client as the contract's TRANSIENT fault, and is retried. */
class UnavailableDatabaseTest {

    @Test
    void aDatabaseOutageIsATransientFaultThatTheClientRetriesAndRecoversFrom() {
        AtomicBoolean down = new AtomicBoolean();
        DataSource real = TestDatabases.h2();
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLException("connection refused (simulated)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (EuHubSimulatorServer simulator = EuHubSimulatorServer.builder().dataSource(flaky).build().start();
             ResilientEuHubGateway hub = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address())))
                     .retry(new RetryPolicy(2, Duration.ofMillis(10), 1.0, 0.0, Duration.ofMillis(10)))
                     .cache(CachePolicy.OFF)
                     .build()) {
            PackQuery query = PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, null);
            down.set(true);

            assertThatThrownBy(() -> hub.requestPackState(query))
                    .isInstanceOf(EuHubTransientException.class)
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("SERVICE_UNAVAILABLE (TRANSIENT)");

            down.set(false);
            assertThat(hub.requestPackState(query).found()).isTrue();
        }
    }
}
