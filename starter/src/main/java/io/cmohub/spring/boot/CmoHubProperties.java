package io.cmohub.spring.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded hub ({@code cmohub.*}). The database and the broker are the application's
 * own ({@code spring.datasource.*}, {@code spring.artemis.*} or its own beans). Names match the
 * gateway's, so the gateway's application.properties keep working on the starter.
 */
@ConfigurationProperties("cmohub")
public class CmoHubProperties {
    /** Whether the starter configures anything at all. */
    private boolean enabled = true;
    /** Directory of what the hub keeps on disk: the original documents go to data-dir/documents. */
    private Path dataDir = Path.of("./data");
    /** Largest document accepted on any channel, in bytes; larger ones are refused, audited and not kept. */
    private long maxDocumentBytes = 256L * 1024 * 1024;
    /** Canonical events per publish transaction. */
    private int publishBatchSize = 500;
    /**
     * Mapping files (YAML), or folders of them, that become formats next to the connectors on the
     * classpath; a mapping with an error stops the start with the file and line.
     */
    private List<Path> mappings = new ArrayList<>();
    /** Partners (CMOs) registered at start-up (created or updated); a document is authorised against its partner. */
    private List<Partner> partners = new ArrayList<>();
    private final Schema schema = new Schema();
    private final Publish publish = new Publish();
    private final Templates templates = new Templates();
    private final Dispatch dispatch = new Dispatch();
    private final Limits limits = new Limits();
    private final Audit audit = new Audit();

    public Audit getAudit() {
        return audit;
    }

    /**
     * The audit chain's key and anchor (docs/operations.md, "Audit trail"). Without a key file the chain is
     * plain SHA-256 (tamper-evident against edits only); the gateway sets both under its data directory.
     */
    public static class Audit {
        /** File with the HMAC key (64+ hex digits) sealing new rows; created with a random key if missing. Empty: unkeyed. */
        private Path keyFile;
        /** Keys used before a rotation, kept to verify the rows they sealed. */
        private List<Path> previousKeyFiles = new ArrayList<>();
        /** Append-only file of sealed checkpoints of the chain's head, outside the database. Empty: no anchor. */
        private Path anchorFile;
        /** How often the head is checkpointed to the anchor file (also at start and shutdown). */
        private java.time.Duration anchorPeriod = java.time.Duration.ofMinutes(5);

        public Path getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        public List<Path> getPreviousKeyFiles() {
            return previousKeyFiles;
        }

        public void setPreviousKeyFiles(List<Path> previousKeyFiles) {
            this.previousKeyFiles = previousKeyFiles;
        }

        public Path getAnchorFile() {
            return anchorFile;
        }

        public void setAnchorFile(Path anchorFile) {
            this.anchorFile = anchorFile;
        }

        public java.time.Duration getAnchorPeriod() {
            return anchorPeriod;
        }

        public void setAnchorPeriod(java.time.Duration anchorPeriod) {
            this.anchorPeriod = anchorPeriod;
        }
    }

    /** The hub's tables (io/cmohub/db/migration in cmohub-routes, outside a host's default Flyway location). */
    public static class Schema {
        /**
         * Apply the hub's migrations with Flyway at start-up, with the hub's own Flyway instance and history table,
         * whether or not the application runs Flyway itself. Turn off only when another tool applies them.
         */
        private boolean migrate = true;
        /** Flyway history table of the hub's migrations, kept apart from the application's own. */
        private String historyTable = "cmohub_schema_history";
        /**
         * Version to baseline at when the schema is not empty and the history table does not exist yet. Keep 0; set it
         * to the last hub migration another Flyway already applied (e.g. 3) when moving a database whose hub tables the
         * application's own Flyway created from the old location db/migration/cmohub.
         */
        private String baselineVersion = "0";

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public String getHistoryTable() {
            return historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }

        public String getBaselineVersion() {
            return baselineVersion;
        }

        public void setBaselineVersion(String baselineVersion) {
            this.baselineVersion = baselineVersion;
        }
    }

    /** The default event publisher: persistent JMS messages on the application's ConnectionFactory. */
    public static class Publish {
        /** Topic prefix; an event goes to prefix + entity, e.g. cmohub.events.batch. */
        private String topicPrefix = "cmohub.events.";

        public String getTopicPrefix() {
            return topicPrefix;
        }

        public void setTopicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix;
        }
    }

    /** The route templates cmohub-intake, cmohub-outbound-webhook and cmohub-alert-intake. */
    public static class Templates {
        /** Register the templates, so routes can be created from them in Java, YAML or XML. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * The gateway's fixed intake routes (cmohub-process, cmohub-intake-jms, cmohub-intake-inbox, cmohub-sweeper),
     * added when {@code cmohub.dispatch.uri} is set. They read these keys, and {@code cmohub.intake.jms.uri} and
     * {@code cmohub.inbox.uri}, as Camel properties.
     */
    public static class Dispatch {
        /** Durable work queue of received documents, e.g. jms:queue:cmohub.documents?transacted=true. Setting it adds the intake routes. */
        private String uri;
        /** Deliveries of a dispatch message before its document is rejected with the failure as the reason. */
        private int maxAttempts = 1;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /** Bounds on one source record, applied by every connector (docs/operations.md §5); a record over one is rejected with the limit named. */
    public static class Limits {
        /** Cells in one CSV row. */
        private int maxCellsPerRow = io.cmohub.connector.limits.RecordLimits.DEFAULT.maxCellsPerRow();
        /** Characters of one CSV row, bytes of one JSON event or of one bound XML record element. */
        private long maxRecordBytes = io.cmohub.connector.limits.RecordLimits.DEFAULT.maxRecordBytes();
        /** Broken rules listed for one rejected record; more are summarised in one entry. */
        private int maxErrorsPerRecord = io.cmohub.connector.limits.RecordLimits.DEFAULT.maxErrorsPerRecord();

        public io.cmohub.connector.limits.RecordLimits toRecordLimits() {
            return new io.cmohub.connector.limits.RecordLimits(maxCellsPerRow, maxRecordBytes, maxErrorsPerRecord);
        }

        public int getMaxCellsPerRow() {
            return maxCellsPerRow;
        }

        public void setMaxCellsPerRow(int maxCellsPerRow) {
            this.maxCellsPerRow = maxCellsPerRow;
        }

        public long getMaxRecordBytes() {
            return maxRecordBytes;
        }

        public void setMaxRecordBytes(long maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
        }

        public int getMaxErrorsPerRecord() {
            return maxErrorsPerRecord;
        }

        public void setMaxErrorsPerRecord(int maxErrorsPerRecord) {
            this.maxErrorsPerRecord = maxErrorsPerRecord;
        }
    }

    /** A partner to register: id, name, credential, what it may report on, and the formats it sends. */
    public static class Partner {
        /** Partner id, e.g. acme-cmo. */
        private String id;
        /** Display name; the id when empty. */
        private String name;
        /** API key for the gateway's HTTP API (stored only as a SHA-256 digest); not needed embedded. */
        private String apiKey;
        /** Subject DN of the partner's TLS client certificate, for the gateway's mutual TLS. */
        private String certificateSubject;
        /** GTINs of the products the partner may report on. */
        private List<String> products = new ArrayList<>();
        /** Site ids the partner may report on. */
        private List<String> sites = new ArrayList<>();
        /** Format id to its settings: file-pattern (glob picking the format for a file name) and config (connector properties). */
        private Map<String, Format> formats = new LinkedHashMap<>();

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

        public Map<String, Format> getFormats() {
            return formats;
        }

        public void setFormats(Map<String, Format> formats) {
            this.formats = formats;
        }
    }

    public static class Format {
        /** Glob for file names of this format, e.g. *.csv. */
        private String filePattern = "*";
        /** Connector configuration for this partner. */
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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    public List<Path> getMappings() {
        return mappings;
    }

    public void setMappings(List<Path> mappings) {
        this.mappings = mappings;
    }

    public List<Partner> getPartners() {
        return partners;
    }

    public void setPartners(List<Partner> partners) {
        this.partners = partners;
    }

    public Schema getSchema() {
        return schema;
    }

    public Publish getPublish() {
        return publish;
    }

    public Templates getTemplates() {
        return templates;
    }

    public Limits getLimits() {
        return limits;
    }

    public Dispatch getDispatch() {
        return dispatch;
    }
}
