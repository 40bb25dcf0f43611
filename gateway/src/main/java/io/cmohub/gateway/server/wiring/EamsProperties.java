package io.cmohub.gateway.server.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmohub.eams.*}: the EAMS adapter (contract schemas/eams/v1/eams-alerts-api.yaml). Off by
 * default: EMVO publishes no EAMS API, so there is nothing to point it at without an agreement.
 * The timer properties {@code cmohub.eams.poll-period-ms} and {@code cmohub.eams.initial-delay-ms}
 * are read by the Camel route directly (defaults in application.properties).
 */
@ConfigurationProperties("cmohub.eams")
public class EamsProperties {
    private boolean enabled = false;
    private String baseUrl = "";
    private String bearerToken = "";
    private int pageSize = 100;
    private int maxPagesPerPoll = 20;
    /** Where a brand-new cursor starts: this long before the first poll. */
    private Duration initialLookback = Duration.ofDays(30);
    /** The newest stretch of time not read yet (late commits, clock skew). */
    private Duration settleTime = Duration.ofMinutes(2);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    /** Cursor name; one per EAMS account. */
    private String pollerName = "eams";

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getBearerToken() { return bearerToken; }
    public void setBearerToken(String bearerToken) { this.bearerToken = bearerToken; }
    public int getPageSize() { return pageSize; }
    public void setPageSize(int pageSize) { this.pageSize = pageSize; }
    public int getMaxPagesPerPoll() { return maxPagesPerPoll; }
    public void setMaxPagesPerPoll(int maxPagesPerPoll) { this.maxPagesPerPoll = maxPagesPerPoll; }
    public Duration getInitialLookback() { return initialLookback; }
    public void setInitialLookback(Duration initialLookback) { this.initialLookback = initialLookback; }
    public Duration getSettleTime() { return settleTime; }
    public void setSettleTime(Duration settleTime) { this.settleTime = settleTime; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public String getPollerName() { return pollerName; }
    public void setPollerName(String pollerName) { this.pollerName = pollerName; }
}
