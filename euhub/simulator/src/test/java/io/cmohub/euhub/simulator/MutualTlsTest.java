package io.cmohub.euhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.soap.KeyStoreFile;
import io.cmohub.euhub.soap.Secret;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS as the EU Hub demands it: the simulator serves HTTPS and requires a client certificate
 * from its trust store; the client presents one from a PKCS12 key store (like the .pfx EMVO issues).
 * Certificates are made by the JDK's keytool for each run.
 */
class MutualTlsTest {
    private static final String PASSWORD = "s3cret-Store-Pass";

    @TempDir
    static Path dir;
    private static EuHubSimulatorServer simulator;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", path("hub.p12"), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-genkeypair", "-alias", "obp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=obp-client,O=cmo-hub test",
                "-validity", "2", "-keystore", path("obp.p12"), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=stranger",
                "-validity", "2", "-keystore", path("stranger.p12"), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "hub", "-keystore", path("hub.p12"), "-storepass", PASSWORD, "-file", path("hub.cer"));
        keytool("-exportcert", "-alias", "obp", "-keystore", path("obp.p12"), "-storepass", PASSWORD, "-file", path("obp.cer"));
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", path("hub.cer"), "-keystore", path("trust-hub.p12"),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "obp", "-file", path("obp.cer"), "-keystore", path("trust-obp.p12"),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        simulator = EuHubSimulatorServer.builder()
                .tls(new SimulatorTls(store("hub.p12"), store("trust-obp.p12")))
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void aClientWithTheRegisteredCertificateGetsAnswers() {
        assertThat(simulator.address().getScheme()).isEqualTo("https");
        try (SoapEuHubGateway hub = SoapEuHubGateway.connect(SoapEndpointSettings.mutualTls(simulator.address(), store("obp.p12"), store("trust-hub.p12")))) {
            assertThat(hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, "DE")).found()).isTrue();
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedDuringTheHandshake() {
        var settings = new SoapEndpointSettings(simulator.address(), Duration.ofSeconds(2), Duration.ofSeconds(2), null, null,
                store("trust-hub.p12"), false, true);
        try (SoapEuHubGateway hub = SoapEuHubGateway.connect(settings)) {
            assertThatThrownBy(() -> hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, null)))
                    .isInstanceOf(EuHubProtocolException.class)
                    .hasMessageContaining("refused the TLS connection");
        }
    }

    @Test
    void aClientWithAnUnregisteredCertificateIsRefused() {
        try (SoapEuHubGateway hub = SoapEuHubGateway.connect(SoapEndpointSettings.mutualTls(simulator.address(), store("stranger.p12"), store("trust-hub.p12")))) {
            assertThatThrownBy(() -> hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, null)))
                    .isInstanceOf(EuHubProtocolException.class)
                    .hasMessageContaining("TLS");
        }
    }

    @Test
    void aHubWhoseCertificateIsNotTrustedIsRefused() {
        try (SoapEuHubGateway hub = SoapEuHubGateway.connect(SoapEndpointSettings.mutualTls(simulator.address(), store("obp.p12"), store("trust-obp.p12")))) {
            assertThatThrownBy(() -> hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, null)))
                    .isInstanceOf(EuHubProtocolException.class)
                    .hasMessageContaining("refused the TLS connection");
        }
    }

    @Test
    void aWrongKeyStorePasswordFailsAtStartNamingTheFileButNotThePassword() {
        KeyStoreFile wrong = KeyStoreFile.pkcs12(dir.resolve("obp.p12"), Secret.of("not-the-password"));

        assertThatThrownBy(() -> SoapEuHubGateway.connect(SoapEndpointSettings.mutualTls(simulator.address(), wrong, store("trust-hub.p12"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("obp.p12")
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void settingsCanBeLoggedWithoutTheirPasswords() {
        var settings = SoapEndpointSettings.mutualTls(simulator.address(), store("obp.p12"), store("trust-hub.p12"));

        assertThat(settings.toString()).contains("obp.p12").doesNotContain(PASSWORD);
    }

    @Test
    void plainHttpIsRefusedUnlessAskedForExplicitly() {
        assertThatThrownBy(() -> SoapEndpointSettings.mutualTls(java.net.URI.create("http://hub.example/eu-hub"), store("obp.p12"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> SoapEndpointSettings.plainHttp(java.net.URI.create("http://user:pw@localhost/eu-hub")))
                .hasMessageContaining("must not carry user info");
    }

    private static KeyStoreFile store(String name) {
        return KeyStoreFile.pkcs12(dir.resolve(name), Secret.of(PASSWORD));
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
