package io.cmohub.spring.boot;

import io.cmohub.coordination.cases.CoordinationSettings;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.coordination.liaison.Contact;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmohub.coordination.*}: alert coordination (docs/alert-coordination.md §7). The Camel
 * properties {@code cmohub.coordination.events.uri} and {@code cmohub.coordination.sweep-period}
 * are read by the library's routes directly; they are declared here so they are documented and
 * bound in one place, for the starter and the standalone gateway.
 */
@ConfigurationProperties("cmohub.coordination")
public class CoordinationProperties {
    private boolean enabled = true;
    /** YAML liaison seed applied at every start (unchanged entries are no-ops); none when unset. */
    private Path liaisonSeed;
    /** YAML evidence templates replacing single codes of the built-in defaults; none when unset. */
    private Path evidenceTemplates;
    /** Webhook secrets by the {@code secretRef} the liaison register names. */
    private Map<String, String> secrets = new LinkedHashMap<>();
    private SponsorQa sponsorQa = new SponsorQa();
    private double reminderFraction = 0.5;
    private long maxEvidenceFileBytes = 50L * 1024 * 1024;
    /** This node's name on fired clocks and delivered messages; the host name when blank. */
    private String node = "";
    private Duration webhookConnectTimeout = Duration.ofSeconds(5);
    private Duration webhookTimeout = Duration.ofSeconds(30);
    private Duration sweepPeriod = Duration.ofSeconds(30);
    private int sweepBatchSize = 100;
    private Events events = new Events();
    private Mail mail = new Mail();

    /** Who at the sponsor receives escalations, and on which channel. */
    public static class SponsorQa {
        private String name = "Sponsor QA";
        private String email = "qa@sponsor.invalid";
        private ChannelType channel = ChannelType.EMAIL;
        /** Webhook URL or mail address; the e-mail above when blank. */
        private String address = "";
        private String secretRef;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public ChannelType getChannel() { return channel; }
        public void setChannel(ChannelType channel) { this.channel = channel; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getSecretRef() { return secretRef; }
        public void setSecretRef(String secretRef) { this.secretRef = secretRef; }
    }

    /**
     * Where coordination reads canonical events. {@code uri} feeds everything through one route; with
     * {@code alerts-uri} set, alerts and upload rejections come through a route and consumer of their
     * own, so they never wait behind bulk registry records (the gateway sets both).
     */
    public static class Events {
        /** Camel endpoint of the route {@code cmohub-coordination-events} (default in application.properties). */
        private String uri;
        /** Camel endpoint of the route {@code cmohub-coordination-alerts}; none: alerts come through {@code uri}. */
        private String alertsUri;
        /** The gateway's durable queues on the canonical topics are {@code <prefix>.alerts} and {@code <prefix>.registry}. */
        private String queuePrefix = "cmohub.coordination";
        /**
         * The standalone gateway reads {@code <prefix>.registry} itself, applying up to this many waiting
         * events in one database transaction and one JMS commit (1: one at a time).
         */
        private int registryBatchSize = 50;

        public String getUri() { return uri; }
        public void setUri(String uri) { this.uri = uri; }
        public String getAlertsUri() { return alertsUri; }
        public void setAlertsUri(String alertsUri) { this.alertsUri = alertsUri; }
        public String getQueuePrefix() { return queuePrefix; }
        public int getRegistryBatchSize() { return registryBatchSize; }
        public void setRegistryBatchSize(int registryBatchSize) { this.registryBatchSize = registryBatchSize; }
        public void setQueuePrefix(String queuePrefix) { this.queuePrefix = queuePrefix; }
    }

    /** Outgoing mail for e-mail channels (Camel smtp/smtps endpoint); without it e-mail notices fail and wait for an operator retry. */
    public static class Mail {
        private String uri = "";
        private String from = "cmohub@localhost";

        public String getUri() { return uri; }
        public void setUri(String uri) { this.uri = uri; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Path getLiaisonSeed() { return liaisonSeed; }
    public void setLiaisonSeed(Path liaisonSeed) { this.liaisonSeed = liaisonSeed; }
    public Path getEvidenceTemplates() { return evidenceTemplates; }
    public void setEvidenceTemplates(Path evidenceTemplates) { this.evidenceTemplates = evidenceTemplates; }
    public Map<String, String> getSecrets() { return secrets; }
    public void setSecrets(Map<String, String> secrets) { this.secrets = secrets; }
    public SponsorQa getSponsorQa() { return sponsorQa; }
    public void setSponsorQa(SponsorQa sponsorQa) { this.sponsorQa = sponsorQa; }
    public double getReminderFraction() { return reminderFraction; }
    public void setReminderFraction(double reminderFraction) { this.reminderFraction = reminderFraction; }
    public long getMaxEvidenceFileBytes() { return maxEvidenceFileBytes; }
    public void setMaxEvidenceFileBytes(long maxEvidenceFileBytes) { this.maxEvidenceFileBytes = maxEvidenceFileBytes; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public Duration getWebhookConnectTimeout() { return webhookConnectTimeout; }
    public void setWebhookConnectTimeout(Duration webhookConnectTimeout) { this.webhookConnectTimeout = webhookConnectTimeout; }
    public Duration getWebhookTimeout() { return webhookTimeout; }
    public void setWebhookTimeout(Duration webhookTimeout) { this.webhookTimeout = webhookTimeout; }
    public Duration getSweepPeriod() { return sweepPeriod; }
    public void setSweepPeriod(Duration sweepPeriod) { this.sweepPeriod = sweepPeriod; }
    public int getSweepBatchSize() { return sweepBatchSize; }
    public void setSweepBatchSize(int sweepBatchSize) { this.sweepBatchSize = sweepBatchSize; }
    public Events getEvents() { return events; }
    public void setEvents(Events events) { this.events = events; }
    public Mail getMail() { return mail; }
    public void setMail(Mail mail) { this.mail = mail; }

    /** This node's name: {@code node} when set, else the host name. */
    public String nodeName() {
        if (node != null && !node.isBlank()) {
            return node;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "gateway";
        }
    }

    /** The workflow's settings: sponsor QA's contact and channel (its e-mail unless an address is given), reminder share, file cap, node. */
    public CoordinationSettings toSettings() {
        String address = sponsorQa.getAddress() == null || sponsorQa.getAddress().isBlank() ? sponsorQa.getEmail() : sponsorQa.getAddress();
        return new CoordinationSettings(CoordinationSettings.DEFAULT_SOURCE, new Contact(sponsorQa.getName(), sponsorQa.getEmail()),
                new Channel(sponsorQa.getChannel(), address, sponsorQa.getSecretRef()), reminderFraction, maxEvidenceFileBytes, nodeName());
    }
}
