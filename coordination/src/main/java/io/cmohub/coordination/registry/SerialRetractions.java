package io.cmohub.coordination.registry;

import static io.cmohub.coordination.SqlValues.bindAll;
import static io.cmohub.coordination.SqlValues.bindFrom;

import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.coordination.RowLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the registry does with EPCIS error declarations (canonical action RETRACT) of commissioning
 * events (V5__serial_retractions.sql). A serial row names the one event that registered it; when
 * another event commissions a serial already held under the same batch (a correction sent before
 * its declaration, or another CMO), that event's claim is kept aside, so that retracting the
 * holder hands the serial over instead of dropping it.
 *
 * <p>A commissioning and the retraction of the same event may be applied at once by two nodes;
 * both take the event's lock first ({@link #lockEvent}), so the second sees what the first did.
 */
final class SerialRetractions {
    /**
     * Locks are taken per bucket of events, so the lock table stays at a thousand rows however many
     * events there are; events sharing a bucket only wait for each other's short transactions.
     */
    private static final int LOCK_BUCKETS = 1024;

    /** What a retraction chunk did. */
    record Outcome(int removed, int handedOver, Set<String> batches) {
    }

    private SerialRetractions() {
    }

    /** Held until the transaction ends; the same on every node (String.hashCode is specified). */
    static void lockEvent(Connection c, PartnerId partner, String sourceEventId) throws SQLException {
        int bucket = Math.floorMod(Objects.hash(partner.value(), sourceEventId), LOCK_BUCKETS);
        RowLock.lock(c, "registry-serial-event\u0000" + bucket);
    }

    /** Whether an error declaration of this CMO's event was applied (any chunk: a declaration retracts the whole event). */
    static boolean retracted(Connection c, PartnerId partner, String sourceEventId) throws SQLException {
        return exists(c, "SELECT 1 FROM coordination_serial_retraction WHERE partner_id = ? AND source_event_id = ?", partner.value(), sourceEventId);
    }

    static boolean chunkApplied(Connection c, PartnerId partner, String sourceEventId, int chunk) throws SQLException {
        return exists(c, "SELECT 1 FROM coordination_serial_retraction WHERE partner_id = ? AND source_event_id = ? AND chunk_index = ?",
                partner.value(), sourceEventId, chunk);
    }

    /**
     * Takes back what the retracted event registered for {@code serials} (one chunk of the
     * declaration, which lists the event's EPCs): its own set-aside claims go; each serial row it
     * holds passes to the earliest other claim under the same batch, or leaves the registry. Every
     * step is one statement over the chunk as a relation ({@link SerialSet}), per product.
     */
    static Outcome retract(Connection c, SerialisationEvent event, int chunk, Set<EpcSerial> serials, Instant now) throws SQLException {
        String partner = event.partner().value();
        String eventId = event.sourceEventId();
        int removed = 0;
        int handedOver = 0;
        Set<String> batches = new TreeSet<>();
        freshStatistics(c);
        for (Map.Entry<ProductCode, List<EpcSerial>> product : SerialRegistration.byProduct(serials).entrySet()) {
            SerialSet set = new SerialSet(product.getValue());
            batches.addAll(heldPerBatch(c, set, partner, eventId).keySet().stream().map(b -> product.getKey().value() + "/" + b).toList());
            change(c, set, DELETE_OWN_CLAIMS, partner, eventId);
            handedOver += change(c, set, HAND_OVER, partner, eventId);
            change(c, set, DELETE_CLAIMS_NOW_HOLDING);
            Map<String, Integer> leaving = heldPerBatch(c, set, partner, eventId);
            removed += change(c, set, DELETE_HELD, partner, eventId);
            for (Map.Entry<String, Integer> batch : leaving.entrySet()) {
                SerialCounts.add(c, product.getKey(), BatchId.of(batch.getKey()), -batch.getValue());
            }
        }
        update(c, "INSERT INTO coordination_serial_retraction (partner_id, source_event_id, chunk_index, serials_removed, applied_at) VALUES (?, ?, ?, ?, ?)",
                partner, eventId, chunk, removed, now);
        return new Outcome(removed, handedOver, batches);
    }

    /**
     * PostgreSQL plans the joins below from its statistics, which lag behind a bulk load by up to a
     * minute of autovacuum: with none, it drove a retraction from the whole claim table instead of
     * the chunk, 14 s a chunk for a 100,000-serial batch. A retraction is rare and ANALYZE samples a
     * bounded number of rows, so each chunk asks for current ones (H2's planner does not need it).
     */
    private static void freshStatistics(Connection c) throws SQLException {
        if (RegistryDialect.of(c) == RegistryDialect.POSTGRESQL) {
            try (var s = c.createStatement()) {
                s.execute("ANALYZE coordination_serial, coordination_serial_claim");
            }
        }
    }

    /** The retracted event's claims on the chunk's serials. */
    private static final String DELETE_OWN_CLAIMS = "MERGE INTO coordination_serial_claim cl USING (SELECT u.product_code, u.serial FROM "
            + SerialSet.ROWS + ") f ON (cl.product_code = f.product_code AND cl.serial = f.serial AND cl.partner_id = ? AND cl.source_event_id = ?) "
            + "WHEN MATCHED THEN DELETE";

    /** Each serial row the event holds that another event claims under the same batch passes to the earliest claim. */
    private static final String HAND_OVER = "MERGE INTO coordination_serial s USING (SELECT h.product_code, h.serial, h.batch_id, cl.partner_id, "
            + "cl.source_event_id, cl.commissioned_at FROM " + SerialSet.ROWS + " JOIN coordination_serial h ON h.product_code = u.product_code "
            + "AND h.serial = u.serial AND h.partner_id = ? AND h.source_event_id = ? JOIN coordination_serial_claim cl "
            + "ON cl.product_code = h.product_code AND cl.serial = h.serial AND cl.batch_id = h.batch_id WHERE NOT EXISTS (SELECT 1 FROM "
            + "coordination_serial_claim e WHERE e.product_code = cl.product_code AND e.serial = cl.serial AND e.batch_id = cl.batch_id "
            + "AND (e.commissioned_at, e.partner_id, e.source_event_id) < (cl.commissioned_at, cl.partner_id, cl.source_event_id))) f "
            + "ON (s.product_code = f.product_code AND s.serial = f.serial AND s.batch_id = f.batch_id) WHEN MATCHED THEN UPDATE SET "
            + "partner_id = f.partner_id, source_event_id = f.source_event_id, commissioned_at = f.commissioned_at";

    /** A claim of the event that now holds the serial is no longer a claim. */
    private static final String DELETE_CLAIMS_NOW_HOLDING = "MERGE INTO coordination_serial_claim cl USING (SELECT s.product_code, s.serial, "
            + "s.batch_id, s.partner_id, s.source_event_id FROM " + SerialSet.ROWS + " JOIN coordination_serial s ON s.product_code = u.product_code "
            + "AND s.serial = u.serial) f ON (cl.product_code = f.product_code AND cl.serial = f.serial AND cl.batch_id = f.batch_id "
            + "AND cl.partner_id = f.partner_id AND cl.source_event_id = f.source_event_id) WHEN MATCHED THEN DELETE";

    /** What the event still holds of the chunk after the hand-over leaves the registry. */
    private static final String DELETE_HELD = "MERGE INTO coordination_serial s USING (SELECT u.product_code, u.serial FROM " + SerialSet.ROWS
            + ") f ON (s.product_code = f.product_code AND s.serial = f.serial AND s.partner_id = ? AND s.source_event_id = ?) WHEN MATCHED THEN DELETE";

    /** Batches (id to count) under which the event holds serials of the chunk. */
    private static Map<String, Integer> heldPerBatch(Connection c, SerialSet set, String partner, String eventId) throws SQLException {
        Map<String, Integer> held = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.batch_id, COUNT(*) FROM " + SerialSet.ROWS + " JOIN coordination_serial s "
                + "ON s.product_code = u.product_code AND s.serial = u.serial WHERE s.partner_id = ? AND s.source_event_id = ? GROUP BY s.batch_id")) {
            set.bind(c, s, 1);
            bindFrom(s, 3, partner, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return held;
    }

    /** Runs a statement whose first parameters are the chunk's serials, then {@code values}; the rows changed. */
    private static int change(Connection c, SerialSet set, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            set.bind(c, s, 1);
            bindFrom(s, 3, values);
            return s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, values);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, values);
            s.executeUpdate();
        }
    }
}
