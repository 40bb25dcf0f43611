package io.cmohub.routes.store;

import static io.cmohub.routes.store.JdbcTime.fromDb;
import static io.cmohub.routes.store.JdbcTime.toDb;

import io.cmohub.connector.DocumentNotice;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.RecordError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The document table: every received document, its status, counts and the errors of its rejected records. */
public final class JdbcDocumentRegistry {
    private static final String COLUMNS = "document_id, partner_id, format_id, channel, original_name, sha256, size_bytes, received_at, status, "
            + "processed_records, source_events, canonical_records, published, duplicates, rejected_records, errors_omitted, replay_of, updated_at, attempts, last_failure";

    private final DataSource dataSource;

    public JdbcDocumentRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void register(DocumentRecord d) {
        register(d, JdbcTransaction.Work.NOTHING);
    }

    /** Registers the document and runs {@code alsoInTransaction} (its audit row) in the same transaction. */
    public void register(DocumentRecord d, JdbcTransaction.Work alsoInTransaction) {
        String sql = "INSERT INTO document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        JdbcTransaction.run(dataSource, "could not register document " + d.documentId(), c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, d.documentId());
                s.setString(2, d.partner());
                s.setString(3, d.format());
                s.setString(4, d.channel());
                s.setString(5, truncate(d.originalName(), 500));
                s.setString(6, d.sha256());
                s.setLong(7, d.sizeBytes());
                s.setObject(8, toDb(d.receivedAt()));
                s.setString(9, d.status().name());
                s.setLong(10, d.processedRecords());
                for (int i = 11; i <= 16; i++) {
                    s.setNull(i, Types.BIGINT);
                }
                s.setString(17, d.replayOf());
                s.setObject(18, toDb(d.updatedAt()));
                s.setInt(19, d.attempts());
                s.setString(20, truncate(d.lastFailure(), 2000));
                s.executeUpdate();
            }
            alsoInTransaction.run(c);
        });
    }

    /** Starts a processing attempt: PROCESSING, progress reset, one more attempt counted. */
    public void markProcessing(String documentId) {
        update("UPDATE document SET status = ?, processed_records = 0, attempts = attempts + 1, updated_at = ? WHERE document_id = ?",
                DocumentState.PROCESSING.name(), JdbcTime.now(), documentId);
    }

    /**
     * Records why the current attempt failed; the document stays PROCESSING for the next attempt. An
     * attempt the hub's infrastructure failed ({@code counts} false) is taken back from the count.
     */
    public void attemptFailed(String documentId, String failure, boolean counts) {
        update("UPDATE document SET last_failure = ?, attempts = attempts - ?, updated_at = ? WHERE document_id = ? AND attempts > 0",
                truncate(failure, 2000), counts ? 0 : 1, JdbcTime.now(), documentId);
    }

    /** Documents PROCESSING without any progress since before {@code before}: their processor died (or its node did). */
    public List<DocumentRecord> processingStalledSince(java.time.Instant before) {
        return query("SELECT " + COLUMNS + " FROM document WHERE status = 'PROCESSING' AND updated_at < ? ORDER BY received_at", toDb(before));
    }

    /** Records how far processing has got, so the status API shows progress on large documents. */
    public void progress(String documentId, long processedRecords) {
        update("UPDATE document SET processed_records = ?, updated_at = ? WHERE document_id = ?", processedRecords, JdbcTime.now(), documentId);
    }

    /** Records the final outcome and replaces the document's error list, in one transaction. */
    public void complete(String documentId, DocumentState status, DocumentReport report, long published, long duplicates, long rejectedRecords) {
        complete(documentId, status, report, published, duplicates, rejectedRecords, JdbcTransaction.Work.NOTHING);
    }

    /** Records the outcome; {@code alsoInTransaction} (its audit rows) commits with it or not at all. */
    public void complete(String documentId, DocumentState status, DocumentReport report, long published, long duplicates, long rejectedRecords,
                         JdbcTransaction.Work alsoInTransaction) {
        JdbcTransaction.run(dataSource, "could not record the outcome of document " + documentId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE document SET status = ?, processed_records = ?, source_events = ?, "
                    + "canonical_records = ?, published = ?, duplicates = ?, rejected_records = ?, errors_omitted = ?, updated_at = ? WHERE document_id = ?")) {
                s.setString(1, status.name());
                s.setLong(2, report.sourceEvents());
                s.setLong(3, report.sourceEvents());
                s.setLong(4, report.canonicalRecords());
                s.setLong(5, published);
                s.setLong(6, duplicates);
                s.setLong(7, rejectedRecords);
                s.setLong(8, report.errorsOmitted());
                s.setObject(9, toDb(JdbcTime.now()));
                s.setString(10, documentId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM document_error WHERE document_id = ?")) {
                s.setString(1, documentId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO document_error (document_id, seq, location, field, reason) VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (RecordError error : report.errors()) {
                    s.setString(1, documentId);
                    s.setInt(2, ++seq);
                    s.setString(3, truncate(error.location(), 200));
                    s.setString(4, truncate(error.field(), 200));
                    s.setString(5, truncate(error.reason(), 2000));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM document_notice WHERE document_id = ?")) {
                s.setString(1, documentId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO document_notice (document_id, seq, location, message) VALUES (?, ?, ?, ?)")) {
                int seq = 0;
                for (DocumentNotice notice : report.notices()) {
                    s.setString(1, documentId);
                    s.setInt(2, ++seq);
                    s.setString(3, truncate(notice.location(), 200));
                    s.setString(4, truncate(notice.message(), 2000));
                    s.addBatch();
                }
                s.executeBatch();
            }
            alsoInTransaction.run(c);
        });
    }

    public Optional<DocumentRecord> find(String documentId) {
        List<DocumentRecord> found = query("SELECT " + COLUMNS + " FROM document WHERE document_id = ?", documentId);
        return found.stream().findFirst();
    }

    /** What the connector reported about the document that is not an error, in the order first seen. */
    public List<DocumentNotice> notices(String documentId) {
        List<DocumentNotice> notices = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT location, message FROM document_notice WHERE document_id = ? ORDER BY seq")) {
            s.setString(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    notices.add(new DocumentNotice(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the notices of document " + documentId, e);
        }
        return notices;
    }

    public List<RecordError> errors(String documentId) {
        List<RecordError> errors = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT location, field, reason FROM document_error WHERE document_id = ? ORDER BY seq")) {
            s.setString(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    errors.add(new RecordError(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the errors of document " + documentId, e);
        }
        return errors;
    }

    /** Documents with rejected content (REJECTED or PARTIALLY_ACCEPTED), newest first; a partner of null means all. */
    public List<DocumentRecord> quarantined(String partner, int limit, int offset) {
        String sql = "SELECT " + COLUMNS + " FROM document WHERE status IN ('REJECTED', 'PARTIALLY_ACCEPTED')"
                + (partner == null ? "" : " AND partner_id = ?") + " ORDER BY received_at DESC, document_id LIMIT ? OFFSET ?";
        return partner == null ? query(sql, limit, offset) : query(sql, partner, limit, offset);
    }

    /** Documents newest first, optionally of one partner and/or in one state (null: all); at most {@code limit}. */
    public List<DocumentRecord> recent(String partner, DocumentState status, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM document WHERE 1 = 1");
        if (partner != null) {
            sql.append(" AND partner_id = ?");
            parameters.add(partner);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status.name());
        }
        sql.append(" ORDER BY received_at DESC, document_id LIMIT ?");
        parameters.add(limit);
        return query(sql.toString(), parameters.toArray());
    }

    /** How many documents are in each state, per partner (a partner of null: every partner), as partner → state → count. */
    public java.util.Map<String, java.util.Map<DocumentState, Long>> countsByState(String partner) {
        java.util.Map<String, java.util.Map<DocumentState, Long>> counts = new java.util.TreeMap<>();
        String sql = "SELECT partner_id, status, COUNT(*) FROM document" + (partner == null ? "" : " WHERE partner_id = ?") + " GROUP BY partner_id, status";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (partner != null) {
                s.setString(1, partner);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), p -> new java.util.EnumMap<>(DocumentState.class))
                            .put(DocumentState.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not count documents", e);
        }
        return counts;
    }

    /** An unfinished document with this partner, channel, name and content, if there is one (a retried inbox file). */
    public Optional<DocumentRecord> findUnfinished(String partner, String channel, String originalName, String sha256) {
        return query("SELECT " + COLUMNS + " FROM document WHERE partner_id = ? AND channel = ? AND original_name = ? AND sha256 = ? "
                + "AND status IN ('RECEIVED', 'PROCESSING') ORDER BY received_at", partner, channel, truncate(originalName, 500), sha256)
                .stream().findFirst();
    }

    /** Documents still RECEIVED (never picked up) since before {@code receivedBefore}: their dispatch was lost. */
    public List<DocumentRecord> receivedBefore(java.time.Instant receivedBefore) {
        return query("SELECT " + COLUMNS + " FROM document WHERE status = 'RECEIVED' AND received_at < ? ORDER BY received_at",
                toDb(receivedBefore));
    }

    /** Documents that were received but not finished, oldest first: what a restarted node must pick up. */
    public List<DocumentRecord> unfinished() {
        return query("SELECT " + COLUMNS + " FROM document WHERE status IN ('RECEIVED', 'PROCESSING') ORDER BY received_at");
    }

    private List<DocumentRecord> query(String sql, Object... parameters) {
        List<DocumentRecord> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new DocumentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), fromDb(rs.getObject(8, OffsetDateTime.class)), DocumentState.valueOf(rs.getString(9)),
                            rs.getLong(10), nullableLong(rs, 11), nullableLong(rs, 12), nullableLong(rs, 13), nullableLong(rs, 14),
                            nullableLong(rs, 15), nullableLong(rs, 16), rs.getString(17), fromDb(rs.getObject(18, OffsetDateTime.class)),
                            rs.getInt(19), rs.getString(20)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read documents", e);
        }
        return result;
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                s.setObject(i + 1, p instanceof java.time.Instant instant ? toDb(instant) : p);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update a document", e);
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String truncate(String value, int max) {
        String clean = StoredText.clean(value);
        return clean == null || clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
