package io.cmohub.routes.outbound;

import java.util.regex.Pattern;

/**
 * One sponsor system the hub delivers canonical events to.
 *
 * @param name         route name: a-z, 0-9 and '-'; names the subscription queue and the dead-letter queue
 * @param kind         JMS (a queue or topic of the host), WEBHOOK (HTTPS POST of the CloudEvent) or FILE (a drop folder)
 * @param filter       which events
 * @param destination  JMS: a Camel endpoint URI such as {@code jms:queue:sponsor.qms}; WEBHOOK: the URL; FILE: the directory
 * @param secret       WEBHOOK: the HMAC-SHA256 key shared with the receiver (never logged)
 * @param fileFormat   FILE: JSON (one CloudEvent per file) or CSV (one event per file, flattened, formula-safe)
 * @param maxAttempts  deliveries tried before the event goes to the dead-letter queue
 * @param initialDelayMillis first retry delay; it doubles per attempt up to a minute
 * @param consumers    parallel deliveries; 1 keeps the publication order, more trade order for throughput
 * @param timeoutMillis WEBHOOK: connect and response timeout of one attempt; a slower receiver counts as a failed attempt
 */
public record OutboundTarget(String name, Kind kind, OutboundFilter filter, String destination, String secret, FileFormat fileFormat,
                             int maxAttempts, long initialDelayMillis, int consumers, long timeoutMillis) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public enum Kind { JMS, WEBHOOK, FILE }

    public enum FileFormat { JSON, CSV }

    public OutboundTarget {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("outbound route name '" + name + "' must be 1-63 characters of a-z, 0-9 and '-'");
        }
        if (kind == null || destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("outbound route '" + name + "' needs a kind and a destination");
        }
        if (kind == Kind.WEBHOOK && (secret == null || secret.length() < 16)) {
            throw new IllegalArgumentException("webhook route '" + name + "' needs a secret of at least 16 characters to sign its deliveries");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("outbound route '" + name + "' needs a positive timeout");
        }
        if (consumers < 1) {
            throw new IllegalArgumentException("outbound route '" + name + "' needs at least 1 consumer");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outbound route '" + name + "' needs max-attempts of at least 1");
        }
        filter = filter == null ? OutboundFilter.any() : filter;
        fileFormat = fileFormat == null ? FileFormat.JSON : fileFormat;
    }

    @Override
    public String toString() {
        return "OutboundTarget[" + name + ", " + kind + " -> " + destination + "]";
    }
}
