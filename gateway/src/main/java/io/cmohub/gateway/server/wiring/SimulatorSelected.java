package io.cmohub.gateway.server.wiring;

import io.cmohub.spring.boot.EuHubProperties;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the gateway starts its EU Hub simulator: the client is on ({@code cmohub.eu-hub.enabled}) and
 * {@link EuHubProperties#usesSimulator(Boolean, String)} says so, i.e. {@code simulator.enabled} when set,
 * else no address configured. A contradictory pair matches, so the simulator's bean refuses it with the
 * reason instead of the client silently using one of the two.
 */
final class SimulatorSelected implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("cmohub.eu-hub.enabled", Boolean.class, true)) {
            return false;
        }
        Boolean enabled = env.getProperty("cmohub.eu-hub.simulator.enabled", Boolean.class);
        String address = env.getProperty("cmohub.eu-hub.address");
        return Boolean.TRUE.equals(enabled) || EuHubProperties.usesSimulator(enabled, address);
    }
}
