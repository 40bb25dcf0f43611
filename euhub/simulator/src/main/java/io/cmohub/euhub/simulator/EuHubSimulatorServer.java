package io.cmohub.euhub.simulator;

import io.cmohub.euhub.soap.KeyStoreFile;
import io.cmohub.euhub.soap.contract.EuHubService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link EuHubSimulatorService} over HTTP or HTTPS (optionally requiring a client
 * certificate) without Spring: embedded Tomcat with CXF's non-Spring servlet. Tomcat because it is
 * the servlet container the gateway already ships (same version through the Spring Boot BOM), it
 * binds port 0 and reports the real port, and its TLS set-up covers mutual TLS; CXF's Jetty
 * transport is not on the Maven mirror this project builds from.
 *
 * <pre>{@code
 * try (EuHubSimulatorServer hub = EuHubSimulatorServer.builder().build().start()) {
 *     URI address = hub.address(); // http://127.0.0.1:<port>/services/eu-hub/v1
 * }
 * }</pre>
 */
public final class EuHubSimulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EuHubSimulatorServer.class);

    /** Servlet mapping of the CXF servlet; the service is published below it at {@link #SERVICE_PATH}. */
    public static final String SERVLET_PATH = "/services";
    public static final String SERVICE_PATH = "/eu-hub/v1";

    private final String host;
    private final int requestedPort;
    private final DataSource dataSource;
    private final boolean migrate;
    private final Clock clock;
    private final SimulatorTls tls;

    private Tomcat tomcat;
    private Bus bus;
    private EndpointImpl endpoint;
    private Path baseDir;
    private int port = -1;

    private EuHubSimulatorServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.dataSource = b.dataSource;
        this.migrate = b.migrate;
        this.clock = b.clock;
        this.tls = b.tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Migrates (unless switched off), binds the port and publishes the service. */
    public synchronized EuHubSimulatorServer start() {
        if (tomcat != null) {
            throw new IllegalStateException("the EU Hub simulator is already running at " + address());
        }
        DataSource data = dataSource != null ? dataSource : SimulatorDatabase.inMemoryH2();
        if (dataSource != null && migrate) {
            SimulatorDatabase.migrate(dataSource);
        }
        try {
            baseDir = Files.createTempDirectory("emvs-hub-simulator-");
            tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = connector();
            tomcat.getService().addConnector(connector);
            tomcat.setConnector(connector);
            tomcat.getHost().setAutoDeploy(false);

            bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            Context context = tomcat.addContext("", baseDir.toString());
            Wrapper wrapper = Tomcat.addServlet(context, "cxf", servlet);
            wrapper.setLoadOnStartup(1);
            context.addServletMappingDecoded(SERVLET_PATH + "/*", "cxf");
            tomcat.start();
            port = connector.getLocalPort();

            endpoint = new EndpointImpl(bus, new EuHubSimulatorService(data, clock));
            endpoint.setServiceName(EuHubService.SERVICE);
            endpoint.setEndpointName(EuHubService.EuHubPort);
            endpoint.setWsdlLocation(EuHubService.WSDL_LOCATION.toExternalForm());
            endpoint.publish(SERVICE_PATH);
            LOG.info("EU Hub simulator listening at {}", address());
            return this;
        } catch (LifecycleException e) {
            stop();
            throw new IllegalStateException("the EU Hub simulator could not start on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("no temporary directory for the EU Hub simulator", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private Connector connector() {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(requestedPort);
        connector.setProperty("address", host);
        if (tls != null) {
            connector.setSecure(true);
            connector.setScheme("https");
            connector.setProperty("SSLEnabled", "true");
            SSLHostConfig ssl = new SSLHostConfig();
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
            KeyStoreFile server = tls.serverCertificate();
            certificate.setCertificateKeystoreFile(server.path().toAbsolutePath().toString());
            certificate.setCertificateKeystoreType(server.type());
            certificate.setCertificateKeystorePassword(new String(server.password().reveal()));
            ssl.addCertificate(certificate);
            if (tls.requiresClientCertificate()) {
                KeyStoreFile trust = tls.clientTrustStore();
                ssl.setTruststoreFile(trust.path().toAbsolutePath().toString());
                ssl.setTruststoreType(trust.type());
                ssl.setTruststorePassword(new String(trust.password().reveal()));
                ssl.setCertificateVerification("required");
            }
            connector.addSslHostConfig(ssl);
        }
        return connector;
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("the EU Hub simulator is not running");
        }
        return port;
    }

    /** The service URL, e.g. {@code http://127.0.0.1:8089/services/eu-hub/v1}. */
    public URI address() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls == null ? "http" : "https") + "://" + hostPart + ":" + port() + SERVLET_PATH + SERVICE_PATH);
    }

    public synchronized boolean isRunning() {
        return tomcat != null && port >= 0;
    }

    /** Stops serving and frees the port. Safe to call twice. */
    public synchronized void stop() {
        if (endpoint != null) {
            endpoint.stop();
            endpoint = null;
        }
        if (tomcat != null) {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                LOG.warn("EU Hub simulator did not stop cleanly: {}", e.getMessage());
            }
            tomcat = null;
        }
        if (bus != null) {
            bus.shutdown(false);
            bus = null;
        }
        if (baseDir != null) {
            deleteQuietly(baseDir);
            baseDir = null;
        }
        port = -1;
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Where and on what data the simulator runs. Defaults: 127.0.0.1, a random port, plain HTTP, a fresh in-memory H2. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private DataSource dataSource;
        private boolean migrate = true;
        private Clock clock = Clock.systemUTC();
        private SimulatorTls tls;

        private Builder() {
        }

        /** Address to bind; keep the loopback default unless the simulator must be reached from elsewhere. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 0 (the default) picks a free one, see {@link EuHubSimulatorServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The database to answer from (H2 or PostgreSQL); without one, a fresh in-memory H2. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Whether {@link #start()} applies the simulator's Flyway migrations to the given database (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** The simulator's "now": answer times and which batches count as expired. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Serve HTTPS, and require a client certificate if {@link SimulatorTls#clientTrustStore()} is set. */
        public Builder tls(SimulatorTls tls) {
            this.tls = tls;
            return this;
        }

        public EuHubSimulatorServer build() {
            return new EuHubSimulatorServer(this);
        }
    }
}
