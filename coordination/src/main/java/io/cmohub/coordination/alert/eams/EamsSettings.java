package io.cmohub.coordination.alert.eams;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the EAMS adapter reaches the EAMS and pages through it.
 *
 * @param baseUrl          the API root; {@code /alerts} is appended (contract: schemas/eams/v1/eams-alerts-api.yaml)
 * @param bearerToken      sent as {@code Authorization: Bearer}; null for none (tests)
 * @param pageSize         alerts per page (1-500)
 * @param maxPagesPerPoll  pages one poll reads at most, so a backlog does not hold the poller for long
 * @param initialLookback  where the first poll of a new cursor starts: this long before now
 * @param settleTime       the newest part of the timeline not read yet: alerts modified in the last
 *                         moments may still be committing on the EAMS side (and clocks differ)
 * @param connectTimeout   TCP/TLS connect
 * @param requestTimeout   whole request
 */
public record EamsSettings(URI baseUrl, String bearerToken, int pageSize, int maxPagesPerPoll, Duration initialLookback, Duration settleTime,
                           Duration connectTimeout, Duration requestTimeout) {
    public EamsSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("EAMS page size must be 1-500, not " + pageSize);
        }
        if (maxPagesPerPoll < 1) {
            throw new IllegalArgumentException("EAMS max pages per poll must be at least 1");
        }
        if (baseUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("the EAMS URL must not carry user info; configure the bearer token instead");
        }
        initialLookback = initialLookback == null ? Duration.ofDays(30) : initialLookback;
        settleTime = settleTime == null ? Duration.ofMinutes(2) : settleTime;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
    }

    public static EamsSettings of(URI baseUrl) {
        return new EamsSettings(baseUrl, null, 100, 20, null, null, null, null);
    }

    @Override
    public String toString() {
        return "EamsSettings[baseUrl=" + baseUrl + ", bearerToken=" + (bearerToken == null ? "none" : "******") + ", pageSize=" + pageSize
                + ", maxPagesPerPoll=" + maxPagesPerPoll + ", initialLookback=" + initialLookback + ", settleTime=" + settleTime + "]";
    }
}
