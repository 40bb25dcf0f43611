package io.cmohub.euhub.soap;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the SOAP binding reaches the Hub. Safe to log: passwords are {@link Secret}s.
 *
 * @param address           the service URL; must be https unless {@code allowPlainHttp}
 * @param connectTimeout    time to establish the TCP and TLS connection
 * @param readTimeout       time to wait for the answer once the request is sent
 * @param clientCertificate the OBP's client certificate and key (mutual TLS); null for none
 * @param certificateAlias  which key in {@code clientCertificate} to present; null to let TLS choose
 * @param trustStore        the CAs to trust for the Hub's certificate; null for the JVM's default
 * @param allowPlainHttp    permit an http address: for the local simulator and tests, never for the Hub
 * @param validateAnswers   validate every answer against the contract's XSD before mapping it
 */
public record SoapEndpointSettings(
        URI address,
        Duration connectTimeout,
        Duration readTimeout,
        KeyStoreFile clientCertificate,
        String certificateAlias,
        KeyStoreFile trustStore,
        boolean allowPlainHttp,
        boolean validateAnswers) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    public SoapEndpointSettings {
        Objects.requireNonNull(address, "address");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("EU Hub timeouts must be positive (an infinite wait would hang the caller)");
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            throw new IllegalArgumentException("EU Hub address " + address.getScheme() + "://" + address.getHost()
                    + " must use https (plain http is allowed only with allowPlainHttp, for the local simulator)");
        }
        if (address.getUserInfo() != null) {
            // credentials in the URL would end up in logs and error messages
            throw new IllegalArgumentException("EU Hub address must not carry user info; authenticate with the client certificate");
        }
    }

    /** An https endpoint with default timeouts, mutual TLS and answer validation. */
    public static SoapEndpointSettings mutualTls(URI address, KeyStoreFile clientCertificate, KeyStoreFile trustStore) {
        return new SoapEndpointSettings(address, null, null, clientCertificate, null, trustStore, false, true);
    }

    /** A plain-http endpoint (the local simulator, tests) with default timeouts and answer validation. */
    public static SoapEndpointSettings plainHttp(URI address) {
        return new SoapEndpointSettings(address, null, null, null, null, null, true, true);
    }

    public SoapEndpointSettings withTimeouts(Duration connect, Duration read) {
        return new SoapEndpointSettings(address, connect, read, clientCertificate, certificateAlias, trustStore, allowPlainHttp, validateAnswers);
    }

    public SoapEndpointSettings withAddress(URI newAddress) {
        return new SoapEndpointSettings(newAddress, connectTimeout, readTimeout, clientCertificate, certificateAlias, trustStore, allowPlainHttp, validateAnswers);
    }
}
