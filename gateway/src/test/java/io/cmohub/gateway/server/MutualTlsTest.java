package io.cmohub.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner authenticated by its TLS client certificate alone (no API key): the gateway runs with
 * server.ssl client-auth=need and maps the certificate's subject to the partner registry.
 * Key material is made for the test with the JDK's keytool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MutualTlsTest {
    static final String PASSWORD = "changeit";
    static final String CLIENT_SUBJECT = "CN=tls-cmo-client,O=TLS CMO";
    static final Path DIR = Path.of("target", "mtls-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(DIR);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-dname", CLIENT_SUBJECT, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", "client.p12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", PASSWORD, "-file", "client.crt");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-storetype", "PKCS12", "-keystore", "server-trust.p12",
                "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.crt");
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype", "PKCS12", "-keystore", "client-trust.p12",
                "-storepass", PASSWORD);

        registry.add("cmohub.data-dir", () -> DIR.resolve("data").toString());
        registry.add("cmohub.admin.api-key", () -> "mtls-admin-key-0123456789");
        registry.add("cmohub.demo.enabled", () -> "false");
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> DIR.resolve("server.p12").toString());
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.client-auth", () -> "need");
        registry.add("server.ssl.trust-store", () -> DIR.resolve("server-trust.p12").toString());
        registry.add("server.ssl.trust-store-password", () -> PASSWORD);
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
        registry.add("cmohub.partners[0].id", () -> "tls-cmo");
        registry.add("cmohub.partners[0].certificate-subject", () -> CLIENT_SUBJECT);
        registry.add("cmohub.partners[0].products", () -> "05012345678900");
        registry.add("cmohub.partners[0].formats.csv-batch-record.file-pattern", () -> "*.csv");
    }

    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    static SSLContext tls(boolean withClientCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIR.resolve("client-trust.p12"))) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (withClientCertificate) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(DIR.resolve("client.p12"))) {
                keys.load(in, PASSWORD.toCharArray());
            }
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    HttpResponse<String> post(SSLContext tls, String partner) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/partners/" + partner + "/documents?format=csv-batch-record"))
                .header("Content-Type", "text/csv").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("product_code,batch_id,status\n05012345678900,T-1,RELEASED\n")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theClientCertificateAloneAuthenticatesThePartner() throws Exception {
        HttpResponse<String> accepted = post(tls(true), "tls-cmo");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // The certificate names tls-cmo: another partner's path is refused.
        assertThat(post(tls(true), "acme-cmo").statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() {
        assertThatThrownBy(() -> post(tls(false), "tls-cmo")).isInstanceOf(IOException.class);
    }
}
