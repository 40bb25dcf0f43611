package io.cmohub.coordination.alert;

import io.cmohub.coordination.RowLock;
import static io.cmohub.routes.store.JdbcTime.fromDb;
import static io.cmohub.routes.store.JdbcTime.toDb;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cmohub.model.Alert;
import io.cmohub.model.AlertSource;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.routes.store.Sha256;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code alert}, {@code alert_source} and {@code alert_lock} tables: one row per canonical
 * alert, every channel that delivered it, and the locks that serialise concurrent deliveries of one
 * alert. The write methods take the caller's connection: {@link AlertIntake} runs them, the
 * ledger row, the publication and the audit row in one database transaction.
 */
public final class JdbcAlertRegistry {
    private static final String COLUMNS = "alert_id, version, last_event_id, first_received_at, updated_at, alert_json";

    private final DataSource dataSource;

    public JdbcAlertRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stored alert row (internal to the intake). */
    record Row(String alertId, int version, String lastEventId, Instant firstReceivedAt, Instant updatedAt, Alert alert) {
    }

    /**
     * The key a scanned pack is matched by across channels: code, product code, serial and market,
     * trimmed; product and serial compared case-insensitively only in the sense that scanners differ
     * in case (GS1 serials are case-sensitive, but a lower-cased scan of the same pack is the same
     * alert). Empty when the alert lacks one of them: such an alert merges by id only.
     */
    static Optional<String> matchKey(Alert alert) {
        if (alert.scanned() == null || blank(alert.scanned().productCode()) || blank(alert.scanned().serial()) || alert.market() == null) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hex(String.join("\u0000", alert.code().value().toUpperCase(Locale.ROOT),
                alert.scanned().productCode().trim(), alert.scanned().serial().trim().toUpperCase(Locale.ROOT), alert.market().code())));
    }

    /**
     * Takes the row lock named {@code key} until the caller's transaction ends. A concurrent
     * delivery of the same alert waits here, then sees what this one stored.
     */
    void lock(Connection c, String key) throws SQLException {
        RowLock.lock(c, key);
    }

    /** The code the alert {@code alertId} is stored with, if it is known. */
    Optional<String> codeOf(Connection c, String alertId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM alert WHERE alert_id = ?")) {
            s.setString(1, alertId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The alert some channel reported under {@code sourceRef} with the same code (codes compared without regard to case). */
    Optional<Row> findBySourceRef(Connection c, String sourceRef, String code) throws SQLException {
        List<Row> rows = query(c, "SELECT " + prefixed() + " FROM alert a WHERE UPPER(a.code) = UPPER(?) AND (a.alert_id = ? OR a.alert_id IN "
                + "(SELECT s.alert_id FROM alert_source s WHERE s.source_ref = ?)) ORDER BY a.first_received_at", code, sourceRef, sourceRef);
        return rows.stream().findFirst();
    }

    /** The earliest alert with this match key raised within {@code window} of {@code raisedAt}. */
    Optional<Row> findByMatch(Connection c, String matchKey, Instant raisedAt, Duration window) throws SQLException {
        List<Row> rows = query(c, "SELECT " + prefixed() + " FROM alert a WHERE a.match_key = ? AND a.raised_at BETWEEN ? AND ? ORDER BY a.raised_at",
                matchKey, toDb(raisedAt.minus(window)), toDb(raisedAt.plus(window)));
        return rows.stream().findFirst();
    }

    boolean hasSource(Connection c, String alertId, AlertSource channel, String sourceRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM alert_source WHERE alert_id = ? AND channel = ? AND source_ref = ?")) {
            s.setString(1, alertId);
            s.setString(2, channel.name());
            s.setString(3, sourceRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void insert(Connection c, Alert alert, Instant receivedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert (alert_id, code, match_key, raised_at, first_received_at, updated_at, version, "
                + "last_event_id, alert_json) VALUES (?, ?, ?, ?, ?, ?, 1, NULL, ?)")) {
            s.setString(1, alert.alertId());
            s.setString(2, alert.code().value());
            s.setString(3, matchKey(alert).orElse(null));
            s.setObject(4, toDb(alert.raisedAt()));
            s.setObject(5, toDb(receivedAt));
            s.setObject(6, toDb(receivedAt));
            s.setString(7, json(alert));
            s.executeUpdate();
        }
    }

    void update(Connection c, Alert alert, int version, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert SET alert_json = ?, version = ?, updated_at = ? WHERE alert_id = ?")) {
            s.setString(1, json(alert));
            s.setInt(2, version);
            s.setObject(3, toDb(at));
            s.setString(4, alert.alertId());
            s.executeUpdate();
        }
    }

    void published(Connection c, String alertId, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert SET last_event_id = ? WHERE alert_id = ?")) {
            s.setString(1, eventId);
            s.setString(2, alertId);
            s.executeUpdate();
        }
    }

    void addSource(Connection c, String alertId, AlertSource channel, String sourceRef, Instant receivedAt, String rawSha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_source (alert_id, channel, source_ref, received_at, raw_sha256) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, alertId);
            s.setString(2, channel.name());
            s.setString(3, sourceRef);
            s.setObject(4, toDb(receivedAt));
            s.setString(5, rawSha256);
            s.executeUpdate();
        }
    }

    /** The alert filed under {@code alertId}, or reported under that id by any channel, with all its sources. */
    public Optional<AlertView> find(String alertId) {
        try (Connection c = dataSource.getConnection()) {
            List<Row> rows = query(c, "SELECT " + prefixed() + " FROM alert a WHERE a.alert_id = ? OR a.alert_id IN "
                    + "(SELECT s.alert_id FROM alert_source s WHERE s.source_ref = ?) ORDER BY a.first_received_at", alertId, alertId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Row row = rows.stream().filter(r -> r.alertId().equals(alertId)).findFirst().orElse(rows.get(0));
            return Optional.of(new AlertView(row.alert(), row.version(), row.lastEventId(), row.firstReceivedAt(), row.updatedAt(), sources(c, row.alertId())));
        } catch (SQLException e) {
            throw new StoreException("could not read alert " + alertId, e);
        }
    }

    private static List<AlertSourceRecord> sources(Connection c, String alertId) throws SQLException {
        List<AlertSourceRecord> sources = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT channel, source_ref, received_at, raw_sha256 FROM alert_source WHERE alert_id = ? "
                + "ORDER BY received_at, channel, source_ref")) {
            s.setString(1, alertId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sources.add(new AlertSourceRecord(AlertSource.valueOf(rs.getString(1)), rs.getString(2), fromDb(rs.getObject(3, OffsetDateTime.class)),
                            rs.getString(4)));
                }
            }
        }
        return sources;
    }

    private static String prefixed() {
        return "a." + COLUMNS.replace(", ", ", a.");
    }

    private static List<Row> query(Connection c, String sql, Object... parameters) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), fromDb(rs.getObject(4, OffsetDateTime.class)),
                            fromDb(rs.getObject(5, OffsetDateTime.class)), alert(rs.getString(6))));
                }
            }
        }
        return rows;
    }

    private static String json(Alert alert) {
        try {
            return CanonicalJson.mapper().writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a canonical alert is always writable", e);
        }
    }

    private static Alert alert(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored alert could not be read back", e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return RowLock.isUniqueViolation(e);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
