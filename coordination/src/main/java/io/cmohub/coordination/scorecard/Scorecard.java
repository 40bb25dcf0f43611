package io.cmohub.coordination.scorecard;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import io.cmohub.routes.store.StoreException;
import io.cmohub.coordination.calendar.BusinessCalendar;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.model.value.PartnerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Alert patterns and the CMO scorecard (issue 7): alerts by CMO, site, line and code over time;
 * evidence turnaround and case closure time per CMO. The queries select and filter in SQL; months
 * and durations are computed in Java because timestamp arithmetic and time-zone handling differ
 * between H2 and PostgreSQL, and the row counts involved (alerts, not packs) are small.
 */
public final class Scorecard {
    private final DataSource dataSource;
    private final Function<String, Optional<BusinessCalendar>> calendars;

    /** Turnaround and closure times in wall-clock time. */
    public Scorecard(DataSource dataSource) {
        this(dataSource, partner -> Optional.empty());
    }

    /**
     * Turnaround and closure times in working time on each CMO's business calendar (the one its SLA clocks
     * use), wall-clock time for a CMO without one: a request answered on Monday morning after a Friday
     * afternoon alert took hours, not days.
     */
    public Scorecard(DataSource dataSource, Function<String, Optional<BusinessCalendar>> calendars) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** A scorecard on the CMOs' calendars of {@code liaisons}. */
    public static Scorecard onBusinessCalendars(DataSource dataSource, LiaisonRegister liaisons) {
        return new Scorecard(dataSource, partner -> {
            try {
                return liaisons.find(PartnerId.of(partner)).map(Liaison::calendar);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** Alerts raised in [from, to) grouped by CMO, site, line, code and UTC month, in that order. */
    public List<AlertPattern> alertPatterns(Instant from, Instant to) {
        record Key(String partner, String site, String line, String code, YearMonth month) {
        }
        Map<Key, Long> counts = new TreeMap<>((a, b) -> {
            int c = compare(a.partner(), b.partner());
            c = c != 0 ? c : compare(a.site(), b.site());
            c = c != 0 ? c : compare(a.line(), b.line());
            c = c != 0 ? c : a.code().compareTo(b.code());
            return c != 0 ? c : a.month().compareTo(b.month());
        });
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT k.partner_id, k.site_id, k.line_id, a.alert_code, a.raised_at FROM coordination_case_alert a "
                     + "JOIN coordination_case k ON k.case_id = a.case_id WHERE a.raised_at >= ? AND a.raised_at < ?")) {
            bindAll(s, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    YearMonth month = YearMonth.from(SqlValues.instant(rs, "raised_at").atOffset(ZoneOffset.UTC));
                    counts.merge(new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), month), 1L, Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the alert patterns", e);
        }
        List<AlertPattern> patterns = new ArrayList<>();
        counts.forEach((k, n) -> patterns.add(new AlertPattern(k.partner(), k.site(), k.line(), k.code(), k.month(), n)));
        return patterns;
    }

    /** One score per CMO with cases opened in [from, to), by partner id. */
    public List<CmoScore> scores(Instant from, Instant to) {
        Map<String, long[]> cases = new TreeMap<>();
        Map<String, List<Duration>> closure = new TreeMap<>();
        Map<String, List<Duration>> turnaround = new TreeMap<>();
        Map<String, long[]> requests = new TreeMap<>();
        Map<String, Optional<BusinessCalendar>> calendarOf = new java.util.HashMap<>();
        java.util.function.BiFunction<String, Instant[], Duration> took = (partner, span) -> calendarOf.computeIfAbsent(partner, calendars)
                .map(calendar -> calendar.between(span[0], span[1])).orElseGet(() -> Duration.between(span[0], span[1]));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT partner_id, opened_at, closed_at FROM coordination_case WHERE partner_id IS NOT NULL "
                    + "AND opened_at >= ? AND opened_at < ?")) {
                bindAll(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String partner = rs.getString(1);
                        cases.computeIfAbsent(partner, p -> new long[1])[0]++;
                        Instant closedAt = SqlValues.instant(rs, "closed_at");
                        if (closedAt != null) {
                            closure.computeIfAbsent(partner, p -> new ArrayList<>()).add(took.apply(partner, new Instant[] {SqlValues.instant(rs, "opened_at"), closedAt}));
                        }
                    }
                }
            }
            // requests: [count, answered, answered on time, escalated]
            try (PreparedStatement s = c.prepareStatement("SELECT r.partner_id, r.requested_at, r.due_at, r.answered_at, r.status, "
                    + "(SELECT COUNT(*) FROM coordination_sla_clock k WHERE k.request_id = r.request_id AND k.kind = 'ESCALATION' AND k.state = 'FIRED') "
                    + "FROM coordination_evidence_request r JOIN coordination_case k ON k.case_id = r.case_id WHERE k.opened_at >= ? AND k.opened_at < ?")) {
                bindAll(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String partner = rs.getString(1);
                        long[] counts = requests.computeIfAbsent(partner, p -> new long[4]);
                        counts[0]++;
                        Instant answeredAt = SqlValues.instant(rs, "answered_at");
                        if (answeredAt != null) {
                            counts[1]++;
                            if (!answeredAt.isAfter(SqlValues.instant(rs, "due_at"))) {
                                counts[2]++;
                            }
                            turnaround.computeIfAbsent(partner, p -> new ArrayList<>())
                                    .add(took.apply(partner, new Instant[] {SqlValues.instant(rs, "requested_at"), answeredAt}));
                        }
                        if (rs.getLong(6) > 0) {
                            counts[3]++;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the CMO scorecard", e);
        }
        List<CmoScore> scores = new ArrayList<>();
        for (String partner : cases.keySet()) {
            long[] r = requests.getOrDefault(partner, new long[4]);
            List<Duration> t = turnaround.getOrDefault(partner, List.of());
            List<Duration> cl = closure.getOrDefault(partner, List.of());
            scores.add(new CmoScore(partner, cases.get(partner)[0], r[0], r[1], r[2], r[3], mean(t), t.stream().max(Duration::compareTo).orElse(null),
                    cl.size(), mean(cl)));
        }
        return scores;
    }

    private static Duration mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        return durations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(durations.size());
    }

    private static int compare(String a, String b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }
}
