package io.cmohub.console.pages;

import io.cmohub.coordination.scorecard.AlertPattern;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert code recurring on one CMO site and line within the scorecard's window: the same cause is likely
 * still there, and the CMO's CAPA did not hold (or was never opened).
 */
public record RepeatPattern(String partner, String site, String line, String alertCode, long alerts, YearMonth first, YearMonth last) {

    /** The CMO/site/line/code groups with at least {@code threshold} alerts in {@code patterns}, most alerts first. */
    public static List<RepeatPattern> of(List<AlertPattern> patterns, int threshold) {
        record Key(String partner, String site, String line, String code) {
        }
        Map<Key, RepeatPattern> grouped = new LinkedHashMap<>();
        for (AlertPattern p : patterns) {
            Key key = new Key(p.partner(), p.site(), p.line(), p.alertCode());
            RepeatPattern known = grouped.get(key);
            grouped.put(key, known == null ? new RepeatPattern(p.partner(), p.site(), p.line(), p.alertCode(), p.alerts(), p.month(), p.month())
                    : new RepeatPattern(known.partner, known.site, known.line, known.alertCode, known.alerts + p.alerts(),
                    min(known.first, p.month()), max(known.last, p.month())));
        }
        return grouped.values().stream().filter(r -> r.alerts >= threshold && r.partner != null)
                .sorted(Comparator.comparingLong(RepeatPattern::alerts).reversed().thenComparing(RepeatPattern::partner)).toList();
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return Objects.compare(a, b, Comparator.naturalOrder()) <= 0 ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return Objects.compare(a, b, Comparator.naturalOrder()) >= 0 ? a : b;
    }
}
