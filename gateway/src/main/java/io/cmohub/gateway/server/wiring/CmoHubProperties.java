package io.cmohub.gateway.server.wiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings ({@code cmohub.*}). Broker and database are Spring Boot's
 * ({@code spring.artemis.*}, {@code spring.datasource.*}); application.properties sets the embedded
 * defaults under {@link #dataDir}.
 */
@ConfigurationProperties("cmohub")
public class CmoHubProperties {
    /** Directory for everything the embedded default keeps: documents, broker journal, H2 database, inbox. */
    private Path dataDir = Path.of("./data");
    /** Largest document accepted on any channel, in bytes; larger ones get HTTP 413 and are not kept. */
    private long maxDocumentBytes = 256L * 1024 * 1024;
    /** Canonical events per broker transaction. */
    private int publishBatchSize = 500;
    /** Parallel document processors on this node. */
    private int processingConsumers = 3;
    private final Admin admin = new Admin();
    private final Broker broker = new Broker();
    /** Partners seeded into the registry at start-up (created or updated). */
    private List<PartnerSeed> partners = new ArrayList<>();
    private final Demo demo = new Demo();
    /**
     * Mapping files (YAML), or folders of them, that become formats next to the connectors on the
     * classpath; a mapping with an error stops the start with the file and line (docs/connectors.md).
     */
    private List<Path> mappings = new ArrayList<>();

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
        /** Ids the broker remembers per address for duplicate detection; must exceed the events of the largest document. */
        private int idCacheSize = 200_000;
        /** Delivery attempts of a dispatch or outbound message before it goes to the dead-letter address. */
        private int maxDeliveryAttempts = 10;

        public String getAcceptorUrl() {
            return acceptorUrl;
        }

        public void setAcceptorUrl(String acceptorUrl) {
            this.acceptorUrl = acceptorUrl;
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

    /** A partner to seed: id, name, credential, what it may report on, and the formats it sends. */
    public static class PartnerSeed {
        private String id;
        private String name;
        /** The partner's API key (stored only as a SHA-256 digest). */
        private String apiKey;
        /** Subject DN of the partner's TLS client certificate, for mutual TLS. */
        private String certificateSubject;
        private List<String> products = new ArrayList<>();
        private List<String> sites = new ArrayList<>();
        /** Format id → settings: file-pattern (inbox glob) and config (connector properties). */
        private Map<String, FormatSeed> formats = new LinkedHashMap<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getCertificateSubject() {
            return certificateSubject;
        }

        public void setCertificateSubject(String certificateSubject) {
            this.certificateSubject = certificateSubject;
        }

        public List<String> getProducts() {
            return products;
        }

        public void setProducts(List<String> products) {
            this.products = products;
        }

        public List<String> getSites() {
            return sites;
        }

        public void setSites(List<String> sites) {
            this.sites = sites;
        }

        public Map<String, FormatSeed> getFormats() {
            return formats;
        }

        public void setFormats(Map<String, FormatSeed> formats) {
            this.formats = formats;
        }
    }

    public static class FormatSeed {
        /** Glob for files in the partner's inbox, e.g. *.csv. */
        private String filePattern = "*";
        private Map<String, String> config = new LinkedHashMap<>();

        public String getFilePattern() {
            return filePattern;
        }

        public void setFilePattern(String filePattern) {
            this.filePattern = filePattern;
        }

        public Map<String, String> getConfig() {
            return config;
        }

        public void setConfig(Map<String, String> config) {
            this.config = config;
        }
    }

    /** The demo partner of the README walk-through, seeded in the embedded default. */
    public static class Demo {
        private boolean enabled = true;
        private String partnerId = "acme-cmo";
        private String apiKey = "acme-demo-key";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
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

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public long getMaxDocumentBytes() {
        return maxDocumentBytes;
    }

    public void setMaxDocumentBytes(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    public int getPublishBatchSize() {
        return publishBatchSize;
    }

    public void setPublishBatchSize(int publishBatchSize) {
        this.publishBatchSize = publishBatchSize;
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

    public List<PartnerSeed> getPartners() {
        return partners;
    }

    public void setPartners(List<PartnerSeed> partners) {
        this.partners = partners;
    }

    public Demo getDemo() {
        return demo;
    }

    public List<Path> getMappings() {
        return mappings;
    }

    public void setMappings(List<Path> mappings) {
        this.mappings = mappings;
    }
}
