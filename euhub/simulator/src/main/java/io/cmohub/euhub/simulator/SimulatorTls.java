package io.cmohub.euhub.simulator;

import io.cmohub.euhub.soap.KeyStoreFile;
import java.util.Objects;

/**
 * HTTPS for the simulator: its own certificate and, to play the Hub's side of mutual TLS, the
 * trust store of client certificates it accepts. With {@code clientTrustStore} set, a client
 * without an accepted certificate is refused during the handshake.
 */
public record SimulatorTls(KeyStoreFile serverCertificate, KeyStoreFile clientTrustStore) {
    public SimulatorTls {
        Objects.requireNonNull(serverCertificate, "serverCertificate");
    }

    public boolean requiresClientCertificate() {
        return clientTrustStore != null;
    }
}
