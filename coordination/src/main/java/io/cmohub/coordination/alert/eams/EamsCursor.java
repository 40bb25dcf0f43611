package io.cmohub.coordination.alert.eams;

import java.time.Instant;

/**
 * Where a poller stands. {@code windowTo} is null between windows (the next window's end is chosen
 * when it starts, and then kept, so a restart reads exactly the same window); {@code pageToken} is
 * the next page of the current window, null for its first page.
 */
public record EamsCursor(String pollerName, Instant windowFrom, Instant windowTo, String pageToken, long version) {
}
