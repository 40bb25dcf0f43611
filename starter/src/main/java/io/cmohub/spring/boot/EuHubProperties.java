package io.cmohub.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmohub.eu-hub.*}, declared once for the starter and the standalone gateway: the EU Hub client
 * (docs/emvs-hub.md §5) with its resilience policies, and, read by the gateway only, the local simulator
 * and the Hub's alert call-back. {@link EuHubClient} builds the client from it.
 *
 * <p>Which Hub the gateway talks to follows from {@code address}: with none the gateway starts the
 * simulator (the walk-through needs no external system); with one it talks to that Hub. Asking for the
 * simulator while an address is configured is refused at start-up ({@link #usesSimulator()}), because a
 * reconciliation run against simulated data while the operator believes it runs against the Hub is the
 * worst outcome of a typo.
 */
@ConfigurationProperties("cmohub.eu-hub")
public class EuHubProperties {
    /** Whether the gateway creates an EU Hub client at all. */
    private boolean enabled = true;
    /** The Hub's SOAP endpoint (https unless allow-plain-http). Setting it selects the real Hub; unset, the gateway uses its simulator. */
    private String address = "";
    /** Permit an http address (same key as the starter's): only for a local simulator or tests, never for the Hub. */
    private boolean allowPlainHttp = false;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(20);
    /** Validate every Hub answer against the contract's XSD. */
    private boolean validateAnswers = true;
    private final Store clientCertificate = new Store();
    /** Key alias in the client certificate store, when it holds several. */
    private String certificateAlias = "";
    private final Store trustStore = new Store();
    private final Simulator simulator = new Simulator();
    private final Retry retry = new Retry();
    private final Circuit circuit = new Circuit();
    private final RateLimit rateLimit = new RateLimit();
    private final Cache cache = new Cache();
    private final Callback callback = new Callback();
    private final PackStateQueries packStateQueries = new PackStateQueries();
    private final PackStateSweeps packStateSweeps = new PackStateSweeps();

    /** A key or trust store file (PKCS12 = the .pfx EMVO issues, or JKS). */
    public static class Store {
        private Path path;
        private String type = "PKCS12";
        private String password = "";

        public Path getPath() { return path; }
        public void setPath(Path path) { this.path = path; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    public static class Simulator {
        /**
         * Start the JDBC-backed Hub simulator (on the gateway's database) and point the client at it. Unset: on exactly when no
         * {@code cmohub.eu-hub.address} is configured. {@code true} together with an address is refused at start-up.
         */
        private Boolean enabled;
        private String host = "127.0.0.1";
        /** 0 = a free port, logged at start and shown by /actuator/health. */
        private int port = 0;

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
    }

    public static class Retry {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxBackoff = Duration.ofSeconds(2);

        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
        public double getJitter() { return jitter; }
        public void setJitter(double jitter) { this.jitter = jitter; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    }

    public static class Circuit {
        private int windowSize = 20;
        private int minimumCalls = 10;
        private float failureRatePercent = 50f;
        private Duration openDuration = Duration.ofSeconds(30);
        private int halfOpenCalls = 3;

        public int getWindowSize() { return windowSize; }
        public void setWindowSize(int windowSize) { this.windowSize = windowSize; }
        public int getMinimumCalls() { return minimumCalls; }
        public void setMinimumCalls(int minimumCalls) { this.minimumCalls = minimumCalls; }
        public float getFailureRatePercent() { return failureRatePercent; }
        public void setFailureRatePercent(float failureRatePercent) { this.failureRatePercent = failureRatePercent; }
        public Duration getOpenDuration() { return openDuration; }
        public void setOpenDuration(Duration openDuration) { this.openDuration = openDuration; }
        public int getHalfOpenCalls() { return halfOpenCalls; }
        public void setHalfOpenCalls(int halfOpenCalls) { this.halfOpenCalls = halfOpenCalls; }
    }

    public static class RateLimit {
        /** Calls per period; no public Hub figure exists, replace with the OBP's agreed limit. */
        private int permits = 20;
        private Duration period = Duration.ofSeconds(1);
        private Duration maxWait = Duration.ofSeconds(2);

        public int getPermits() { return permits; }
        public void setPermits(int permits) { this.permits = permits; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
        public Duration getMaxWait() { return maxWait; }
        public void setMaxWait(Duration maxWait) { this.maxWait = maxWait; }
    }

    public static class Cache {
        /** Time a FOUND pack state is served from the cache; 0 disables the cache. */
        private Duration ttl = Duration.ofSeconds(30);
        private long maxEntries = 10_000;

        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
        public long getMaxEntries() { return maxEntries; }
        public void setMaxEntries(long maxEntries) { this.maxEntries = maxEntries; }
    }

    /** Pack-state queries sponsor systems submit ({@code POST /api/v1/eu-hub/pack-state-queries}); the Hub is asked through the policies above. */
    public static class PackStateQueries {
        /** The most packs one query may ask (a list or a CSV); a batch query asks all the registry holds. */
        private int maxPacks = 100_000;
        /** Packs per bulk Hub call (at most 1000, the contract's maximum). */
        private int chunkSize = 1000;
        /** How often a node looks for queries to work on (a submitted query starts at once). */
        private Duration period = Duration.ofSeconds(1);
        /** How long a node holds a query; a node that died leaves it to another after this. */
        private Duration lease = Duration.ofMinutes(2);
        /** How long a query waits when the Hub failed or its circuit is open, before it resumes. */
        private Duration resumeAfter = Duration.ofSeconds(30);

        public int getMaxPacks() { return maxPacks; }
        public void setMaxPacks(int maxPacks) { this.maxPacks = maxPacks; }
        public int getChunkSize() { return chunkSize; }
        public void setChunkSize(int chunkSize) { this.chunkSize = chunkSize; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getResumeAfter() { return resumeAfter; }
        public void setResumeAfter(Duration resumeAfter) { this.resumeAfter = resumeAfter; }
    }

    /** The scheduled checks that ask the Hub every registered serial of selected batches and raise findings. */
    public static class PackStateSweeps {
        private boolean enabled = true;
        /** How often the sweeps look for batches to check. */
        private Duration period = Duration.ofHours(1);
        /** Each batch is checked by each sweep at most once per interval. */
        private Duration interval = Duration.ofHours(24);
        private boolean released = true;
        /** Batches ERP released within this many days. */
        private int releasedWithinDays = 30;
        private boolean openCases = true;
        private boolean nearExpiry = true;
        /** Released batches expiring within this many days. */
        private int nearExpiryWithinDays = 90;
        /** Pack states that are no disagreement in a released batch (ACTIVE always is): dispensing makes packs SUPPLIED. */
        private java.util.Set<io.cmohub.model.PackStatus> expectedStates = java.util.EnumSet.of(io.cmohub.model.PackStatus.SUPPLIED);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public boolean isReleased() { return released; }
        public void setReleased(boolean released) { this.released = released; }
        public int getReleasedWithinDays() { return releasedWithinDays; }
        public void setReleasedWithinDays(int releasedWithinDays) { this.releasedWithinDays = releasedWithinDays; }
        public boolean isOpenCases() { return openCases; }
        public void setOpenCases(boolean openCases) { this.openCases = openCases; }
        public boolean isNearExpiry() { return nearExpiry; }
        public void setNearExpiry(boolean nearExpiry) { this.nearExpiry = nearExpiry; }
        public int getNearExpiryWithinDays() { return nearExpiryWithinDays; }
        public void setNearExpiryWithinDays(int nearExpiryWithinDays) { this.nearExpiryWithinDays = nearExpiryWithinDays; }
        public java.util.Set<io.cmohub.model.PackStatus> getExpectedStates() { return expectedStates; }
        public void setExpectedStates(java.util.Set<io.cmohub.model.PackStatus> expectedStates) { this.expectedStates = expectedStates; }
    }

    /** The Level-5 alert call-back endpoint the Hub calls ({@code /services/hub-alerts/v1}). */
    public static class Callback {
        private boolean enabled = true;
        /** API key the caller sends in X-Api-Key (e.g. an OBP vendor relay); the admin key is accepted too. */
        private String apiKey = "";
        /** Subject DN of the Hub's TLS client certificate, accepted under mutual TLS. */
        private String certificateSubject = "";
        /** Largest call-back accepted, in bytes. */
        private int maxBytes = 1024 * 1024;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public String getCertificateSubject() { return certificateSubject; }
        public void setCertificateSubject(String certificateSubject) { this.certificateSubject = certificateSubject; }
        public int getMaxBytes() { return maxBytes; }
        public void setMaxBytes(int maxBytes) { this.maxBytes = maxBytes; }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public boolean isAllowPlainHttp() { return allowPlainHttp; }
    public void setAllowPlainHttp(boolean allowPlainHttp) { this.allowPlainHttp = allowPlainHttp; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public boolean isValidateAnswers() { return validateAnswers; }
    public void setValidateAnswers(boolean validateAnswers) { this.validateAnswers = validateAnswers; }
    public Store getClientCertificate() { return clientCertificate; }
    public String getCertificateAlias() { return certificateAlias; }
    public void setCertificateAlias(String certificateAlias) { this.certificateAlias = certificateAlias; }
    public Store getTrustStore() { return trustStore; }
    public Simulator getSimulator() { return simulator; }
    public Retry getRetry() { return retry; }
    public Circuit getCircuit() { return circuit; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Cache getCache() { return cache; }
    public PackStateQueries getPackStateQueries() { return packStateQueries; }
    public PackStateSweeps getPackStateSweeps() { return packStateSweeps; }
    public Callback getCallback() { return callback; }

    /** Whether an address is configured, i.e. a real Hub (or an OBP's endpoint) is meant. */
    public boolean hasAddress() {
        return address != null && !address.isBlank();
    }

    /**
     * Whether the simulator is the Hub: {@code simulator.enabled} when set, else whether no address is configured.
     *
     * @throws IllegalStateException when the simulator is asked for while an address is configured
     */
    public boolean usesSimulator() {
        return usesSimulator(simulator.getEnabled(), address);
    }

    /** {@link #usesSimulator()} for raw property values, as a start-up condition reads them before binding. */
    public static boolean usesSimulator(Boolean simulatorEnabled, String address) {
        boolean hasAddress = address != null && !address.isBlank();
        if (simulatorEnabled == null) {
            return !hasAddress;
        }
        if (simulatorEnabled && hasAddress) {
            throw new IllegalStateException("cmohub.eu-hub.address=" + address + " and cmohub.eu-hub.simulator.enabled=true contradict each other: "
                    + "the gateway would reconcile alerts against simulated data while a real Hub is configured. Remove one of them "
                    + "(an address alone selects that Hub; no address selects the simulator).");
        }
        return simulatorEnabled;
    }
}
