package io.cmohub.gateway.server.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings under {@code cmohub.*}: processing consumers, admin key, embedded broker
 * and demo partner. The keys the gateway shares with every embedded hub ({@code cmohub.data-dir},
 * {@code cmohub.max-document-bytes}, {@code cmohub.publish-batch-size}, {@code cmohub.mappings},
 * {@code cmohub.partners[n]}) are bound by the starter's {@link io.cmohub.spring.boot.CmoHubProperties};
 * each key is bound by one of the two classes only. Broker and database are Spring Boot's
 * ({@code spring.artemis.*}, {@code spring.datasource.*}); application.properties sets the embedded
 * defaults under {@code cmohub.data-dir}.
 */
@ConfigurationProperties("cmohub")
public class CmoHubProperties {
    /** Parallel document processors on this node. */
    private int processingConsumers = 3;
    private final Admin admin = new Admin();
    private final Broker broker = new Broker();
    private final Demo demo = new Demo();
    private final RateLimit rateLimit = new RateLimit();

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** Rate limits of the HTTP API and the call-back (docs/operations.md §5): 429 with Retry-After beyond them. */
    public static class RateLimit {
        /** Failed authentications one source address may make per minute; then it gets 429 without its keys being looked at. */
        private long failedAuthenticationsPerMinute = 30;
        /** Requests one authenticated caller (a partner, an alert source, the admin) may make per minute. */
        private long requestsPerMinute = 1200;
        /** Refused requests of one source within this interval are audited as the first one plus one summary row. */
        private Duration denialAuditInterval = Duration.ofMinutes(1);

        public long getFailedAuthenticationsPerMinute() {
            return failedAuthenticationsPerMinute;
        }

        public void setFailedAuthenticationsPerMinute(long failedAuthenticationsPerMinute) {
            this.failedAuthenticationsPerMinute = failedAuthenticationsPerMinute;
        }

        public long getRequestsPerMinute() {
            return requestsPerMinute;
        }

        public void setRequestsPerMinute(long requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        public Duration getDenialAuditInterval() {
            return denialAuditInterval;
        }

        public void setDenialAuditInterval(Duration denialAuditInterval) {
            this.denialAuditInterval = denialAuditInterval;
        }
    }

    public static class Admin {
        /** API key for the admin endpoints. When empty, a random key is generated at first start and written to data-dir/admin-api-key. */
        private String apiKey = "";

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    public static class Broker {
        /** Extra acceptor of the embedded broker for other processes, e.g. tcp://127.0.0.1:61616; empty for in-VM only. */
        private String acceptorUrl = "";
        /** The user a process must log in as through the acceptor (the gateway's own in-VM clients need none). */
        private String acceptorUser = "cmohub-client";
        /** That user's password, at least 16 characters; required when {@code acceptor-url} is set. */
        private String acceptorPassword = "";
        /** Ids the broker remembers per address for duplicate detection; must exceed the events of the largest document. */
        private int idCacheSize = 200_000;
        /** Delivery attempts of a dispatch or outbound message before it goes to the dead-letter address. */
        private int maxDeliveryAttempts = 10;
        /**
         * How long the embedded broker's journal gathers writes before one disk sync. Every transacted
         * receive and persistent send waits for its sync, so a consumer that commits one message at a
         * time commits at most once per timeout: Artemis' NIO default of 3.33 ms held the coordination
         * registry to 300 events/s on a disk that syncs in 0.3 ms. {@code artemis create} measures the
         * disk to pick this; 0 keeps Artemis' default.
         */
        private Duration journalBufferTimeout = Duration.ofNanos(500_000);

        public String getAcceptorUrl() {
            return acceptorUrl;
        }

        public void setAcceptorUrl(String acceptorUrl) {
            this.acceptorUrl = acceptorUrl;
        }

        public String getAcceptorUser() {
            return acceptorUser;
        }

        public void setAcceptorUser(String acceptorUser) {
            this.acceptorUser = acceptorUser;
        }

        public String getAcceptorPassword() {
            return acceptorPassword;
        }

        public void setAcceptorPassword(String acceptorPassword) {
            this.acceptorPassword = acceptorPassword;
        }

        public Duration getJournalBufferTimeout() {
            return journalBufferTimeout;
        }

        public void setJournalBufferTimeout(Duration journalBufferTimeout) {
            this.journalBufferTimeout = journalBufferTimeout;
        }

        public int getIdCacheSize() {
            return idCacheSize;
        }

        public void setIdCacheSize(int idCacheSize) {
            this.idCacheSize = idCacheSize;
        }

        public int getMaxDeliveryAttempts() {
            return maxDeliveryAttempts;
        }

        public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
            this.maxDeliveryAttempts = maxDeliveryAttempts;
        }
    }

    /**
     * The demo partner of the README walk-through, with a key printed in the README. Seeded only on the
     * embedded default (H2, no TLS) unless switched off; refused anywhere else.
     */
    public static class Demo {
        /** Unset: on exactly on the embedded default. true elsewhere stops the start; false disables a demo partner seeded earlier. */
        private Boolean enabled;
        private String partnerId = "acme-cmo";
        private String apiKey = "acme-demo-key";

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public String getPartnerId() {
            return partnerId;
        }

        public void setPartnerId(String partnerId) {
            this.partnerId = partnerId;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    public int getProcessingConsumers() {
        return processingConsumers;
    }

    public void setProcessingConsumers(int processingConsumers) {
        this.processingConsumers = processingConsumers;
    }

    public Admin getAdmin() {
        return admin;
    }

    public Broker getBroker() {
        return broker;
    }

    public Demo getDemo() {
        return demo;
    }
}
