package io.cmohub.routes.audit;

import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.Sha256;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Hash-chained audit trail in the database: {@code hash = HMAC-SHA-256(key, fields || previous hash)}
 * with an {@link AuditKey} kept outside the database (plain SHA-256 without a key, as embedded hosts
 * that configure none, and rows written before a key was configured). Each
 * append locks the single head row, so appends from several gateway nodes are serialised and the
 * chain stays linear. Verification recomputes every hash, checks every link and the sequence, and
 * compares the last row with the head, so an edited, deleted or truncated row is found; with a key,
 * whoever can write the tables cannot recompute the chain, and the {@link AuditAnchor} outside the
 * database finds a tail cut off together with the head.
 */
public final class JdbcAuditTrail implements AuditTrail {
    private final DataSource dataSource;
    private final AuditKeyring keys;
    private final AuditAnchor anchor;

    /** An unkeyed chain (plain SHA-256): tamper-evident against edits, not against someone who rewrites the tables consistently. */
    public JdbcAuditTrail(DataSource dataSource) {
        this(dataSource, null, null);
    }

    /** A chain sealed with {@code keys}, checked against {@code anchor} (may be null: no checkpoints outside the database). */
    public JdbcAuditTrail(DataSource dataSource, AuditKeyring keys, AuditAnchor anchor) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.anchor = anchor;
    }

    /** Writes a checkpoint of the current head to the anchor file (no-op without an anchor). */
    public void anchorHead() throws java.io.IOException {
        if (anchor == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                anchor.write(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the head of the audit trail", e);
        }
    }

    @Override
    public void record(AuditEvent event) {
        JdbcTransaction.run(dataSource, "could not append to the audit trail", c -> record(c, event));
    }

    @Override
    public void record(Connection c, AuditEvent event) throws SQLException {
        if (event.objectType() == null) {
            throw new IllegalArgumentException("audit event " + event.action() + " names no object type");
        }
        long seq;
        String prevHash;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            seq = rs.getLong(1) + 1;
            prevHash = rs.getString(2);
        }
        Instant at = JdbcTime.now();
        String outcome = event.outcome().name();
        AuditEntry unsigned = new AuditEntry(seq, at, limit(event.actor(), 200), limit(event.action(), 64), limit(event.objectType(), 64),
                limit(event.objectId(), 200), outcome, limit(event.reason(), 2000), limit(event.details(), 4000), prevHash, null);
        AuditKey key = keys == null ? null : keys.current();
        String hash = hash(unsigned, key);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (seq, at, actor, action, object_type, object_id, outcome, "
                + "reason, details, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setObject(2, JdbcTime.toDb(at));
            s.setString(3, unsigned.actor());
            s.setString(4, unsigned.action());
            s.setString(5, unsigned.objectType());
            s.setString(6, unsigned.objectId());
            s.setString(7, outcome);
            s.setString(8, unsigned.reason());
            s.setString(9, unsigned.details());
            s.setString(10, prevHash);
            s.setString(11, hash);
            s.setString(12, key == null ? null : key.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.setString(2, hash);
            s.executeUpdate();
        }
    }

    @Override
    public AuditVerification verify() {
        String expectedPrev = null;
        long expectedSeq = 1;
        long rows = 0;
        long keyedFrom = 0;
        Optional<AuditAnchor.Checkpoint> checkpoint;
        try {
            checkpoint = anchor == null ? Optional.empty() : anchor.last();
        } catch (java.io.IOException | IllegalStateException | IllegalArgumentException e) {
            return new AuditVerification(false, 0, -1, "the audit anchor cannot be trusted: " + e.getMessage());
        }
        try (Connection c = dataSource.getConnection()) {
            String headHash;
            long headSeq;
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1"); ResultSet rs = s.executeQuery()) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            // Only up to the head read above: rows appended meanwhile belong to the next verification.
            // Without autocommit the PostgreSQL driver streams the rows instead of holding them all.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, object_type, object_id, outcome, reason, details, "
                    + "prev_hash, hash, key_id FROM audit_event WHERE seq <= ? ORDER BY seq")) {
                s.setFetchSize(1000);
                s.setLong(1, headSeq);
                ResultSet rs = s.executeQuery();
                while (rs.next()) {
                    AuditEntry e = new AuditEntry(rs.getLong(1), JdbcTime.fromDb(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11));
                    rows++;
                    if (e.seq() != expectedSeq) {
                        return new AuditVerification(false, rows, expectedSeq, "row " + expectedSeq + " is missing (next row found is " + e.seq() + ")");
                    }
                    if (expectedPrev != null && !expectedPrev.equals(e.prevHash())) {
                        return new AuditVerification(false, rows, e.seq(), "row " + e.seq() + " does not link to the hash of row " + (e.seq() - 1));
                    }
                    String keyId = rs.getString(12);
                    if (keyId == null && keyedFrom > 0) {
                        return new AuditVerification(false, rows, e.seq(), "row " + e.seq() + " is not sealed although row " + keyedFrom
                                + " and those after it are (rewritten without the key?)");
                    }
                    Optional<AuditKey> key = Optional.empty();
                    if (keyId != null) {
                        key = keys == null ? Optional.empty() : keys.find(keyId);
                        if (key.isEmpty()) {
                            return new AuditVerification(false, rows, e.seq(), "row " + e.seq() + " is sealed with audit key " + keyId
                                    + ", which is not configured (add it to the previous keys after a rotation)");
                        }
                        keyedFrom = keyedFrom > 0 ? keyedFrom : e.seq();
                    }
                    if (!hash(e, key.orElse(null)).equals(e.hash())) {
                        return new AuditVerification(false, rows, e.seq(), "row " + e.seq() + " was changed after it was written (hash mismatch)");
                    }
                    if (checkpoint.isPresent() && checkpoint.get().seq() == e.seq() && !checkpoint.get().hash().equals(e.hash())) {
                        return new AuditVerification(false, rows, e.seq(), "row " + e.seq() + " differs from the checkpoint of " + checkpoint.get().at()
                                + " in the audit anchor (the chain was rewritten)");
                    }
                    expectedPrev = e.hash();
                    expectedSeq++;
                }
                rs.close();
            } finally {
                c.rollback();
            }
            long last = expectedSeq - 1;
            if (checkpoint.isPresent() && checkpoint.get().seq() > last) {
                return new AuditVerification(false, rows, last + 1, "the chain ends at row " + last + " but the audit anchor recorded "
                        + checkpoint.get().seq() + " rows at " + checkpoint.get().at() + " (rows were cut off the end)");
            }
            if (last != headSeq) {
                return new AuditVerification(false, rows, last + 1, "the chain ends at row " + last + " but " + headSeq + " rows were written");
            }
            if (last > 0 && !headHash.equals(expectedPrev)) {
                return new AuditVerification(false, rows, last, "row " + last + " does not match the recorded head of the chain");
            }
            return new AuditVerification(true, rows, -1, null);
        } catch (SQLException e) {
            throw new StoreException("could not read the audit trail", e);
        }
    }

    static String hash(AuditEntry entry, AuditKey key) {
        return key == null ? Sha256.hex(entry.hashedText()) : key.seal(entry.hashedText());
    }

    private static String limit(String value, int max) {
        String clean = io.cmohub.routes.store.StoredText.clean(value);
        return clean == null || clean.length() <= max ? clean : clean.substring(0, max);
    }
}
