package io.cmohub.spring.boot;

import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.soap.KeyStoreFile;
import io.cmohub.euhub.soap.Secret;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The EU Hub gateway, when {@code cmohub.eu-hub.address} is set (and {@code cmohub.eu-hub.enabled} is not
 * false): the SOAP binding behind the resilience decorator (retry on transient faults, circuit breaker,
 * rate limit, pack-state cache) with the connector's default policies. An application that defines its
 * own {@link EuHubGateway} keeps it; the standalone gateway does (simulator or real Hub, its own policies).
 */
@AutoConfiguration
@ConditionalOnClass(SoapEuHubGateway.class)
@ConditionalOnProperty(prefix = "cmohub.eu-hub", name = "address")
@EnableConfigurationProperties(CmoHubProperties.class)
public class CmoHubEuHubAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EuHubGateway.class)
    @ConditionalOnProperty(prefix = "cmohub.eu-hub", name = "enabled", havingValue = "true", matchIfMissing = true)
    public ResilientEuHubGateway euHubGateway(CmoHubProperties properties) {
        CmoHubProperties.EuHub hub = properties.getEuHub();
        SoapEndpointSettings settings = new SoapEndpointSettings(URI.create(hub.getAddress()), hub.getConnectTimeout(), hub.getReadTimeout(),
                keyStore(hub.getClientCertificate()), hub.getCertificateAlias(), keyStore(hub.getTrustStore()), hub.isAllowPlainHttp(),
                hub.isValidateAnswers());
        return ResilientEuHubGateway.builder(SoapEuHubGateway.connect(settings)).build();
    }

    private static KeyStoreFile keyStore(CmoHubProperties.KeyStore store) {
        if (store.getPath() == null) {
            return null;
        }
        return new KeyStoreFile(store.getPath(), store.getType(), Secret.of(store.getPassword() == null ? "" : store.getPassword()));
    }
}
