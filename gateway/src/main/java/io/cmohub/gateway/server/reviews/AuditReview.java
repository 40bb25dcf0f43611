package io.cmohub.gateway.server.reviews;

import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The audit-trail review of a period (Annex 11 §9, Part 11 §11.10(e)): every GxP-relevant row — decisions,
 * signatures, changes to people, partners, liaisons and configuration, replays, reads of originals — and,
 * for the high-volume rest (receipts, publications, refused requests, logins), a count per action and
 * outcome, so the reviewer sees the volume without reading each row.
 */
public class AuditReview {
    /** The actions a reviewer reads row by row. */
    public static final Set<String> GXP_ACTIONS = Set.of("CASE_OPEN", "CASE_CLOSE", "E_SIGNATURE", "E_SIGNATURE_APPLIED", "USER_CREATE", "USER_CHANGE",
            "USER_LOCKED", "PASSWORD_RESET", "PASSWORD_CHANGE", "PARTNER_CREATE", "PARTNER_CHANGE", "PARTNER_KEY_ROTATE", "CONFIG_CHANGE",
            "LIAISON_CREATE", "LIAISON_UPDATE", "LIAISON_REMOVE", "REPLAY", "RETRACT_SERIALS", "EAMS_STATUS", "EAMS_INVESTIGATION", "OUTBOX_RETRY", "READ_ORIGINAL", "RECONCILE", "RELEASE_CHECK", "RELEASE_OVERRIDE");
    /** The most rows one review answer holds; a longer period is reviewed in parts. */
    public static final int MAX_ROWS = 10_000;

    private final DataSource dataSource;

    public AuditReview(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Report(Instant from, Instant to, List<AuditReviewRow> rows, boolean truncated, Map<String, Long> counts) {
    }

    /** The rows of one action on one record, oldest first (e.g. the release overrides of a batch). */
    public List<AuditReviewRow> rowsOf(String action, String objectType, String objectId) {
        List<AuditReviewRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, object_type, object_id, outcome, reason, details FROM audit_event"
                     + " WHERE action = ? AND object_type = ? AND object_id = ? ORDER BY seq")) {
            s.setString(1, action);
            s.setString(2, objectType);
            s.setString(3, objectId);
            s.setMaxRows(MAX_ROWS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditReviewRow(rs.getLong(1), JdbcTime.fromDb(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the audit trail of " + objectType + " " + objectId, e);
        }
        return rows;
    }

    public Report of(Instant from, Instant to) {
        List<AuditReviewRow> rows = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        String placeholders = String.join(", ", java.util.Collections.nCopies(GXP_ACTIONS.size(), "?"));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, object_type, object_id, outcome, reason, details FROM audit_event"
                    + " WHERE at >= ? AND at < ? AND action IN (" + placeholders + ") ORDER BY seq")) {
                s.setObject(1, JdbcTime.toDb(from));
                s.setObject(2, JdbcTime.toDb(to));
                int i = 3;
                for (String action : GXP_ACTIONS.stream().sorted().toList()) {
                    s.setString(i++, action);
                }
                s.setMaxRows(MAX_ROWS + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditReviewRow(rs.getLong(1), JdbcTime.fromDb(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT action, outcome, COUNT(*) FROM audit_event WHERE at >= ? AND at < ?"
                    + " GROUP BY action, outcome ORDER BY action, outcome")) {
                s.setObject(1, JdbcTime.toDb(from));
                s.setObject(2, JdbcTime.toDb(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the audit trail for the review", e);
        }
        boolean truncated = rows.size() > MAX_ROWS;
        return new Report(from, to, truncated ? rows.subList(0, MAX_ROWS) : rows, truncated, counts);
    }
}
