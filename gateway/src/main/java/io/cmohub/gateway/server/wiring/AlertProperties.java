package io.cmohub.gateway.server.wiring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cmohub.alerts.*}: alert intake from every channel (docs/alert-intake.md). EAMS polling is {@link EamsProperties}. */
@ConfigurationProperties("cmohub.alerts")
public class AlertProperties {
    /** Two notices without a common id are one alert when code, product, serial and market match and their raise times are this close. */
    private Duration matchWindow = Duration.ofHours(1);
    /** Name → API key of systems allowed to POST /api/v1/alerts and read alerts (national systems, relays); the admin key always works. */
    private Map<String, String> intakeKeys = new LinkedHashMap<>();
    /** Largest webhook body, in bytes. */
    private int maxNoticeBytes = 256 * 1024;
    private final Mail mail = new Mail();

    public static class Mail {
        /** Read alert mails with camel-mail from {@link #uri}. */
        private boolean enabled = false;
        /** camel-mail endpoint, e.g. imaps://mail.example:993?username=alerts&password=RAW(secret)&delete=false&unseen=true&delay=60000 */
        private String uri = "";

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        /** The largest alert mail read (as sent, attachments included); a larger one is quarantined with its first bytes. */
        private int maxBytes = io.cmohub.coordination.alert.mail.AlertMailRoutes.DEFAULT_MAX_BYTES;

        public String getUri() { return uri; }
        public void setUri(String uri) { this.uri = uri; }
        public int getMaxBytes() { return maxBytes; }
        public void setMaxBytes(int maxBytes) { this.maxBytes = maxBytes; }
    }

    public Duration getMatchWindow() { return matchWindow; }
    public void setMatchWindow(Duration matchWindow) { this.matchWindow = matchWindow; }
    public Map<String, String> getIntakeKeys() { return intakeKeys; }
    public void setIntakeKeys(Map<String, String> intakeKeys) { this.intakeKeys = intakeKeys; }
    public int getMaxNoticeBytes() { return maxNoticeBytes; }
    public void setMaxNoticeBytes(int maxNoticeBytes) { this.maxNoticeBytes = maxNoticeBytes; }
    public Mail getMail() { return mail; }
}
