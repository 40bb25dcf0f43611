package io.cmohub.coordination.alert;

import io.cmohub.model.AlertSource;
import java.time.Instant;

/** One channel's delivery of an alert: under which id it arrived and when it was first received. */
public record AlertSourceRecord(AlertSource channel, String sourceRef, Instant receivedAt, String rawSha256) {
}
