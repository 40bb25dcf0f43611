package io.cmohub.spring.boot;

import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The EU Hub gateway, when {@code cmohub.eu-hub.address} is set (and {@code cmohub.eu-hub.enabled} is not
 * false): the SOAP binding behind the resilience decorator (retry on transient faults, circuit breaker,
 * rate limit, pack-state cache) with the policies of {@link EuHubProperties}, built by {@link EuHubClient}.
 * An application that defines its own {@link EuHubGateway} keeps it; the standalone gateway does (it may
 * point the same client at its simulator).
 */
@AutoConfiguration
@ConditionalOnClass(SoapEuHubGateway.class)
@ConditionalOnProperty(prefix = "cmohub.eu-hub", name = "address")
@EnableConfigurationProperties(EuHubProperties.class)
public class CmoHubEuHubAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EuHubGateway.class)
    @ConditionalOnProperty(prefix = "cmohub.eu-hub", name = "enabled", havingValue = "true", matchIfMissing = true)
    public ResilientEuHubGateway euHubGateway(EuHubProperties properties) {
        return EuHubClient.build(properties, EuHubClient.endpoint(properties), null);
    }
}
