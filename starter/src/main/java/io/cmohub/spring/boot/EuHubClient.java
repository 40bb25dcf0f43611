package io.cmohub.spring.boot;

import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.CircuitPolicy;
import io.cmohub.euhub.resilience.RateLimitPolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.soap.KeyStoreFile;
import io.cmohub.euhub.soap.Secret;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import java.net.URI;
import org.apache.cxf.Bus;

/**
 * The one place that builds the EU Hub client from {@link EuHubProperties}: the SOAP binding behind the
 * resilience decorator with the configured retry, circuit, rate limit and cache. The starter and the
 * standalone gateway both call it, so a property means the same in both.
 */
public final class EuHubClient {
    private EuHubClient() {
    }

    /** The endpoint of the configured Hub: its address, mutual TLS material, timeouts and answer validation. */
    public static SoapEndpointSettings endpoint(EuHubProperties p) {
        if (!p.hasAddress()) {
            throw new IllegalStateException("cmohub.eu-hub.address is required when the EU Hub simulator is off "
                    + "(or set cmohub.eu-hub.enabled=false to run without an EU Hub client)");
        }
        return new SoapEndpointSettings(URI.create(p.getAddress().strip()), p.getConnectTimeout(), p.getReadTimeout(), store(p.getClientCertificate()),
                p.getCertificateAlias() == null || p.getCertificateAlias().isBlank() ? null : p.getCertificateAlias(), store(p.getTrustStore()),
                p.isAllowPlainHttp(), p.isValidateAnswers());
    }

    /** The client for {@code endpoint} with the configured policies; {@code bus} may be null (CXF's default bus). */
    public static ResilientEuHubGateway build(EuHubProperties p, SoapEndpointSettings endpoint, Bus bus) {
        EuHubProperties.Retry r = p.getRetry();
        EuHubProperties.Circuit c = p.getCircuit();
        EuHubProperties.RateLimit l = p.getRateLimit();
        EuHubProperties.Cache cache = p.getCache();
        SoapEuHubGateway binding = bus == null ? SoapEuHubGateway.connect(endpoint) : SoapEuHubGateway.connect(endpoint, bus);
        return ResilientEuHubGateway.builder(binding)
                .retry(new RetryPolicy(r.getMaxAttempts(), r.getInitialBackoff(), r.getMultiplier(), r.getJitter(), r.getMaxBackoff()))
                .circuit(new CircuitPolicy(c.getWindowSize(), c.getMinimumCalls(), c.getFailureRatePercent(), c.getOpenDuration(), c.getHalfOpenCalls()))
                .rateLimit(new RateLimitPolicy(l.getPermits(), l.getPeriod(), l.getMaxWait()))
                .cache(cache.getTtl().isZero() || cache.getMaxEntries() == 0 ? CachePolicy.OFF : new CachePolicy(cache.getTtl(), cache.getMaxEntries()))
                .build();
    }

    private static KeyStoreFile store(EuHubProperties.Store store) {
        return store.getPath() == null ? null : new KeyStoreFile(store.getPath(), store.getType(), Secret.of(store.getPassword() == null ? "" : store.getPassword()));
    }
}
