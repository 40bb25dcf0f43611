package io.cmohub.coordination.registry;

import static io.cmohub.coordination.SqlValues.bindAll;
import static io.cmohub.coordination.SqlValues.instant;

import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.RowLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

    /** Another event's claim on a serial the retracted event holds. */
    private record Claim(String partner, String eventId, Instant commissionedAt) {
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
     * Serials already held under {@code batch}: this event's claim on each, kept aside for {@link #retract},
     * unless the event holds or claims it already (an EPC in several chunks of one event, possible
     * when a partner's lifecycle checks are off).
     */
    static void recordClaims(Connection c, SerialisationEvent event, BatchId batch, Collection<EpcSerial> alreadyHeld) throws SQLException {
        if (alreadyHeld.isEmpty()) {
            return;
        }
        String partner = event.partner().value();
        String eventId = event.sourceEventId();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_serial_claim (product_code, serial, batch_id, partner_id, source_event_id, "
                + "commissioned_at) SELECT product_code, serial, batch_id, ?, ?, ? FROM coordination_serial s WHERE product_code = ? AND serial = ? "
                + "AND batch_id = ? AND NOT (partner_id = ? AND source_event_id = ?) AND NOT EXISTS (SELECT 1 FROM coordination_serial_claim cl "
                + "WHERE cl.product_code = s.product_code AND cl.serial = s.serial AND cl.batch_id = s.batch_id AND cl.partner_id = ? "
                + "AND cl.source_event_id = ?)")) {
            for (EpcSerial serial : alreadyHeld) {
                bindAll(s, partner, eventId, event.eventTime(), serial.product().value(), serial.serial().value(), batch.value(), partner, eventId,
                        partner, eventId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Takes back what the retracted event registered for {@code serials} (one chunk of the
     * declaration, which lists the event's EPCs): its own set-aside claims go; each serial row it
     * holds passes to the earliest other claim under the same batch, or leaves the registry.
     */
    static Outcome retract(Connection c, SerialisationEvent event, int chunk, Set<EpcSerial> serials, Instant now) throws SQLException {
        String partner = event.partner().value();
        String eventId = event.sourceEventId();
        try (PreparedStatement s = c.prepareStatement("DELETE FROM coordination_serial_claim WHERE product_code = ? AND serial = ? AND partner_id = ? "
                + "AND source_event_id = ?")) {
            for (EpcSerial serial : serials) {
                bindAll(s, serial.product().value(), serial.serial().value(), partner, eventId);
                s.addBatch();
            }
            if (!serials.isEmpty()) {
                s.executeBatch();
            }
        }
        List<String[]> held = heldBy(c, partner, eventId, serials);
        boolean claimsExist = exists(c, "SELECT 1 FROM coordination_serial_claim cl WHERE EXISTS (SELECT 1 FROM coordination_serial s "
                + "WHERE s.product_code = cl.product_code AND s.serial = cl.serial AND s.batch_id = cl.batch_id AND s.partner_id = ? "
                + "AND s.source_event_id = ?)", partner, eventId);
        int removed = 0;
        int handedOver = 0;
        Set<String> batches = new TreeSet<>();
        for (String[] row : held) {
            String product = row[0];
            String serial = row[1];
            String batch = row[2];
            batches.add(product + "/" + batch);
            Claim claim = claimsExist ? firstClaim(c, product, serial, batch) : null;
            if (claim == null) {
                update(c, "DELETE FROM coordination_serial WHERE product_code = ? AND serial = ? AND batch_id = ?", product, serial, batch);
                removed++;
            } else {
                update(c, "UPDATE coordination_serial SET partner_id = ?, source_event_id = ?, commissioned_at = ? WHERE product_code = ? AND serial = ? "
                        + "AND batch_id = ?", claim.partner(), claim.eventId(), claim.commissionedAt(), product, serial, batch);
                update(c, "DELETE FROM coordination_serial_claim WHERE product_code = ? AND serial = ? AND batch_id = ? AND partner_id = ? "
                        + "AND source_event_id = ?", product, serial, batch, claim.partner(), claim.eventId());
                handedOver++;
            }
        }
        update(c, "INSERT INTO coordination_serial_retraction (partner_id, source_event_id, chunk_index, serials_removed, applied_at) VALUES (?, ?, ?, ?, ?)",
                partner, eventId, chunk, removed, now);
        return new Outcome(removed, handedOver, batches);
    }

    /** (product, serial, batch) rows of {@code serials} that the event registered. */
    private static List<String[]> heldBy(Connection c, String partner, String eventId, Set<EpcSerial> serials) throws SQLException {
        List<String[]> held = new ArrayList<>();
        SerialSlices.forEach(serials, (product, ids) -> {
            try (PreparedStatement s = c.prepareStatement("SELECT serial, batch_id FROM coordination_serial WHERE partner_id = ? AND source_event_id = ? "
                    + "AND product_code = ? AND serial IN (" + SerialSlices.marks(ids.size()) + ") ORDER BY serial, batch_id")) {
                List<Object> values = new ArrayList<>(List.of(partner, eventId, product.value()));
                values.addAll(ids);
                bindAll(s, values.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held.add(new String[] {product.value(), rs.getString(1), rs.getString(2)});
                    }
                }
            }
        });
        return held;
    }

    /** The earliest other claim on the serial under the batch; null if none. */
    private static Claim firstClaim(Connection c, String product, String serial, String batch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT partner_id, source_event_id, commissioned_at FROM coordination_serial_claim "
                + "WHERE product_code = ? AND serial = ? AND batch_id = ? ORDER BY commissioned_at, partner_id, source_event_id FETCH FIRST 1 ROWS ONLY")) {
            bindAll(s, product, serial, batch);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Claim(rs.getString("partner_id"), rs.getString("source_event_id"), instant(rs, "commissioned_at")) : null;
            }
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
