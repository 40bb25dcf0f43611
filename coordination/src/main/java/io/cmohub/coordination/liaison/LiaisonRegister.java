package io.cmohub.coordination.liaison;

import io.cmohub.routes.audit.AuditEvent;
import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.coordination.SqlValues;
import io.cmohub.coordination.calendar.BusinessCalendar;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The liaison register in the database. Every change (create, update, removal) is audited in the
 * same transaction with the actor, the reason and what changed, and bumps a version so the admin
 * API can refuse a stale edit ({@link #save(Liaison, String, String, Integer)}). Saving an
 * unchanged liaison is a no-op, so the YAML seed can be applied at every start without filling the
 * audit trail.
 */
public final class LiaisonRegister {
    public static final String AUDIT_OBJECT = "liaison";

    /** The stored liaison and its version. */
    public record Versioned(Liaison liaison, int version) {
    }

    /** An edit based on an older version than the stored one. */
    public static final class StaleVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleVersionException(PartnerId partner, int expected, int actual) {
            super("liaison of " + partner + " is at version " + actual + ", the edit was made on version " + expected);
        }
    }

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;

    public LiaisonRegister(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates or replaces a liaison; true when something changed. */
    public boolean save(Liaison liaison, String actor, String reason) {
        return save(liaison, actor, reason, null);
    }

    /**
     * Creates or replaces a liaison. With {@code expectedVersion}, the edit is refused unless the
     * stored version is that one (0 = must not exist yet).
     */
    public boolean save(Liaison liaison, String actor, String reason, Integer expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        boolean[] changed = {false};
        JdbcTransaction.run(dataSource, "could not save the liaison of " + liaison.partner(), c -> {
            Optional<Versioned> held = find(c, liaison.partner(), true);
            int version = held.map(Versioned::version).orElse(0);
            if (expectedVersion != null && expectedVersion != version) {
                throw new StaleVersionException(liaison.partner(), expectedVersion, version);
            }
            if (held.isPresent() && held.get().liaison().equals(liaison)) {
                return;
            }
            String id = liaison.partner().value();
            if (held.isPresent()) {
                for (String table : List.of("coordination_liaison_channel", "coordination_liaison_holiday")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE partner_id = ?")) {
                        bindAll(s, id);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE coordination_liaison SET liaison_name = ?, liaison_email = ?, backup_name = ?, "
                        + "backup_email = ?, sla_minutes = ?, alert_path = ?, time_zone = ?, working_days = ?, day_start = ?, day_end = ?, version = ?, "
                        + "updated_at = ?, updated_by = ? WHERE partner_id = ?")) {
                    bindAll(s, columns(liaison, version + 1, actor, id));
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_liaison (liaison_name, liaison_email, backup_name, backup_email, "
                        + "sla_minutes, alert_path, time_zone, working_days, day_start, day_end, version, updated_at, updated_by, partner_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindAll(s, columns(liaison, 1, actor, id));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_liaison_channel (partner_id, seq, channel_type, address, secret_ref) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Channel channel : liaison.channels()) {
                    bindAll(s, id, ++seq, channel.type().name(), channel.address(), channel.secretRef());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_liaison_holiday (partner_id, holiday_date) VALUES (?, ?)")) {
                for (LocalDate holiday : liaison.calendar().holidays()) {
                    bindAll(s, id, holiday);
                    s.addBatch();
                }
                s.executeBatch();
            }
            audit.record(c, AuditEvent.success(actor, held.isPresent() ? "LIAISON_UPDATE" : "LIAISON_CREATE").on(AUDIT_OBJECT, id).because(reason)
                    .details(held.map(h -> differences(h.liaison(), liaison)).orElse(describe(liaison)) + " version=" + (version + 1)));
            changed[0] = true;
        });
        return changed[0];
    }

    /** Removes a CMO's liaison arrangement (audited). False when there was none. */
    public boolean remove(PartnerId partner, String actor, String reason) {
        boolean[] removed = {false};
        JdbcTransaction.run(dataSource, "could not remove the liaison of " + partner, c -> {
            Optional<Versioned> held = find(c, partner, true);
            if (held.isEmpty()) {
                return;
            }
            for (String table : List.of("coordination_liaison_channel", "coordination_liaison_holiday", "coordination_liaison")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE partner_id = ?")) {
                    bindAll(s, partner.value());
                    s.executeUpdate();
                }
            }
            audit.record(c, AuditEvent.success(actor, "LIAISON_REMOVE").on(AUDIT_OBJECT, partner.value()).because(reason)
                    .details(describe(held.get().liaison())));
            removed[0] = true;
        });
        return removed[0];
    }

    public Optional<Liaison> find(PartnerId partner) {
        return findVersioned(partner).map(Versioned::liaison);
    }

    public Optional<Versioned> findVersioned(PartnerId partner) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, partner, false);
        } catch (SQLException e) {
            throw new StoreException("could not read the liaison of " + partner, e);
        }
    }

    public List<Liaison> list() {
        List<Liaison> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT partner_id FROM coordination_liaison ORDER BY partner_id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                find(c, PartnerId.of(id), false).ifPresent(v -> all.add(v.liaison()));
            }
            return all;
        } catch (SQLException e) {
            throw new StoreException("could not list liaisons", e);
        }
    }

    private Object[] columns(Liaison l, int version, String actor, String id) {
        return new Object[] {l.liaison().name(), l.liaison().email(), l.backup() == null ? null : l.backup().name(),
                l.backup() == null ? null : l.backup().email(), (int) l.responseSla().toMinutes(), l.path().name(), l.calendar().zone().getId(),
                days(l.calendar().workingDays()), l.calendar().dayStart().toString(), l.calendar().dayEnd().toString(), version,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor, id};
    }

    private static Optional<Versioned> find(Connection c, PartnerId partner, boolean forUpdate) throws SQLException {
        Contact liaison;
        Contact backup;
        int slaMinutes;
        AlertPath path;
        ZoneId zone;
        Set<DayOfWeek> days;
        LocalTime start;
        LocalTime end;
        int version;
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_liaison WHERE partner_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            bindAll(s, partner.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                liaison = new Contact(rs.getString("liaison_name"), rs.getString("liaison_email"));
                String backupName = rs.getString("backup_name");
                backup = backupName == null ? null : new Contact(backupName, rs.getString("backup_email"));
                slaMinutes = rs.getInt("sla_minutes");
                path = AlertPath.valueOf(rs.getString("alert_path"));
                zone = ZoneId.of(rs.getString("time_zone"));
                days = parseDays(rs.getString("working_days"));
                start = LocalTime.parse(rs.getString("day_start"));
                end = LocalTime.parse(rs.getString("day_end"));
                version = rs.getInt("version");
            }
        }
        List<Channel> channels = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT channel_type, address, secret_ref FROM coordination_liaison_channel WHERE partner_id = ? ORDER BY seq")) {
            bindAll(s, partner.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    channels.add(new Channel(ChannelType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT holiday_date FROM coordination_liaison_holiday WHERE partner_id = ?")) {
            bindAll(s, partner.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holidays.add(SqlValues.date(rs, "holiday_date"));
                }
            }
        }
        return Optional.of(new Versioned(new Liaison(partner, liaison, backup, channels, Duration.ofMinutes(slaMinutes), path,
                new BusinessCalendar(zone, days, start, end, holidays)), version));
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : text.split(",")) {
            if (day.trim().length() < 3) {
                throw new IllegalArgumentException("day '" + day + "' must be at least three letters (MON, TUE, ...)");
            }
            days.add(Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(day.trim().toUpperCase(java.util.Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown day '" + day + "'")));
        }
        return days;
    }

    /** What the audit row says about a liaison: everything except webhook secrets, which the register never holds. */
    static String describe(Liaison l) {
        return "liaison=" + l.liaison().name() + " <" + l.liaison().email() + ">"
                + " backup=" + (l.backup() == null ? "none" : l.backup().name() + " <" + l.backup().email() + ">")
                + " channels=" + l.channels().stream().map(ch -> ch.label() + ":" + ch.address()).collect(Collectors.joining("|"))
                + " sla=" + l.responseSla().toMinutes() + "min path=" + l.path() + " calendar=" + l.calendar().zone() + " " + days(l.calendar().workingDays())
                + " " + l.calendar().dayStart() + "-" + l.calendar().dayEnd() + " holidays=" + l.calendar().holidays().size();
    }

    static String differences(Liaison before, Liaison after) {
        List<String> changes = new ArrayList<>();
        if (!before.liaison().equals(after.liaison())) {
            changes.add("liaison " + before.liaison().name() + "->" + after.liaison().name() + " <" + after.liaison().email() + ">");
        }
        if (!Objects.equals(before.backup(), after.backup())) {
            changes.add("backup " + (before.backup() == null ? "none" : before.backup().name()) + "->"
                    + (after.backup() == null ? "none" : after.backup().name()));
        }
        if (!before.channels().equals(after.channels())) {
            changes.add("channels " + after.channels().stream().map(ch -> ch.label() + ":" + ch.address()).collect(Collectors.joining("|")));
        }
        if (!before.responseSla().equals(after.responseSla())) {
            changes.add("sla " + before.responseSla().toMinutes() + "->" + after.responseSla().toMinutes() + "min");
        }
        if (before.path() != after.path()) {
            changes.add("path " + before.path() + "->" + after.path());
        }
        if (!before.calendar().equals(after.calendar())) {
            changes.add("calendar " + after.calendar().zone() + " " + days(after.calendar().workingDays()) + " " + after.calendar().dayStart() + "-"
                    + after.calendar().dayEnd() + " holidays=" + after.calendar().holidays());
        }
        return String.join("; ", changes);
    }
}
