package io.cmohub.routes.outbound;

import io.cmohub.routes.publish.EventHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which canonical events a sponsor system subscribes to: by event type, partner, market and
 * product; an empty list means "any". Evaluated by the broker as a JMS selector on the
 * {@link EventHeaders} (so unwanted events are never delivered), and usable in-process with
 * {@link #matches} where the source cannot filter.
 */
public record OutboundFilter(List<String> eventTypes, List<String> partners, List<String> markets, List<String> products) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    public OutboundFilter {
        eventTypes = List.copyOf(eventTypes);
        partners = List.copyOf(partners);
        markets = List.copyOf(markets);
        products = List.copyOf(products);
        for (List<String> values : List.of(eventTypes, partners, markets, products)) {
            for (String value : values) {
                if (!SAFE.matcher(value).matches()) {
                    throw new IllegalArgumentException("filter value '" + value + "' may contain only A-Z, a-z, 0-9, '.', '_' and '-'");
                }
            }
        }
    }

    public static OutboundFilter any() {
        return new OutboundFilter(List.of(), List.of(), List.of(), List.of());
    }

    /** The JMS selector, or null when everything passes. */
    public String selector() {
        List<String> clauses = new ArrayList<>();
        if (!eventTypes.isEmpty()) {
            clauses.add(EventHeaders.EVENT_TYPE + " IN (" + quoted(eventTypes) + ")");
        }
        if (!partners.isEmpty()) {
            clauses.add(EventHeaders.PARTNER + " IN (" + quoted(partners) + ")");
        }
        if (!markets.isEmpty()) {
            clauses.add("(" + markets.stream().map(m -> EventHeaders.MARKETS + " LIKE '%|" + m + "|%'").collect(Collectors.joining(" OR ")) + ")");
        }
        if (!products.isEmpty()) {
            clauses.add("(" + products.stream().map(p -> EventHeaders.PRODUCTS + " LIKE '%|" + p + "|%'").collect(Collectors.joining(" OR ")) + ")");
        }
        return clauses.isEmpty() ? null : String.join(" AND ", clauses);
    }

    public boolean matches(Map<String, ?> headers) {
        return (eventTypes.isEmpty() || eventTypes.contains(String.valueOf(headers.get(EventHeaders.EVENT_TYPE))))
                && (partners.isEmpty() || partners.contains(String.valueOf(headers.get(EventHeaders.PARTNER))))
                && (markets.isEmpty() || markets.stream().anyMatch(m -> String.valueOf(headers.get(EventHeaders.MARKETS)).contains("|" + m + "|")))
                && (products.isEmpty() || products.stream().anyMatch(p -> String.valueOf(headers.get(EventHeaders.PRODUCTS)).contains("|" + p + "|")));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
