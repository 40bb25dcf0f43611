package io.cmohub.coordination.registry;

import static io.cmohub.coordination.SqlValues.bindAll;
import static io.cmohub.coordination.SqlValues.bindFrom;

import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers a commissioning chunk's serials under its batch, set-based: per product in the chunk
 * (almost always one) one {@code INSERT … SELECT … WHERE NOT EXISTS} over the chunk's serials as a
 * relation ({@link SerialSet}), one statement that keeps aside the claims on serials another event
 * already holds under the batch (V5__serial_retractions.sql), and one update of the batch's
 * serial count. Whatever the batch already holds, the work per chunk is a primary-key lookup per
 * serial: a million-serial batch registers in about the time of its inserts.
 */
final class SerialRegistration {
    /** What a chunk did: serials registered, and serials already held under the batch (by this event or another). */
    record Outcome(int inserted, int alreadyHeld) {
    }

    private static final String INSERT_FRESH = "INSERT INTO coordination_serial (product_code, serial, batch_id, partner_id, source_event_id, "
            + "commissioned_at) SELECT u.product_code, u.serial, ?, ?, ?, ? FROM " + SerialSet.ROWS + " WHERE NOT EXISTS (SELECT 1 FROM "
            + "coordination_serial s WHERE s.product_code = u.product_code AND s.serial = u.serial AND s.batch_id = ?)";

    /**
     * The same on PostgreSQL through the primary key's unique index, whatever the statistics say: with
     * the NOT EXISTS form, a plan made while the table was small (the statement is prepared once per
     * connection and its plan cached) kept scanning the whole table for every chunk, a minute per
     * group of 200 chunks by the time the batch held 40,000 serials.
     */
    private static final String INSERT_FRESH_POSTGRESQL = "INSERT INTO coordination_serial (product_code, serial, batch_id, partner_id, "
            + "source_event_id, commissioned_at) SELECT u.product_code, u.serial, ?, ?, ?, ? FROM " + SerialSet.ROWS
            + " ON CONFLICT (product_code, serial, batch_id) DO NOTHING";

    /** Another event's serials, held under the batch: this event's claim on each, unless it holds or claims it already. */
    private static final String INSERT_CLAIMS = "INSERT INTO coordination_serial_claim (product_code, serial, batch_id, partner_id, source_event_id, "
            + "commissioned_at) SELECT s.product_code, s.serial, s.batch_id, ?, ?, ? FROM " + SerialSet.ROWS + " JOIN coordination_serial s "
            + "ON s.product_code = u.product_code AND s.serial = u.serial AND s.batch_id = ? WHERE NOT (s.partner_id = ? AND s.source_event_id = ?) "
            + "AND NOT EXISTS (SELECT 1 FROM coordination_serial_claim cl WHERE cl.product_code = s.product_code AND cl.serial = s.serial "
            + "AND cl.batch_id = s.batch_id AND cl.partner_id = ? AND cl.source_event_id = ?)";

    private SerialRegistration() {
    }

    /** Registers {@code serials} (distinct) of the event under {@code batch}; the batch rows exist. */
    static Outcome commission(Connection c, SerialisationEvent event, BatchId batch, Collection<EpcSerial> serials) throws SQLException {
        String partner = event.partner().value();
        String eventId = event.sourceEventId();
        int inserted = 0;
        int alreadyHeld = 0;
        RegistryDialect dialect = RegistryDialect.of(c);
        for (Map.Entry<ProductCode, List<EpcSerial>> product : byProduct(serials).entrySet()) {
            SerialSet set = new SerialSet(product.getValue());
            int fresh;
            try (PreparedStatement s = c.prepareStatement(dialect == RegistryDialect.POSTGRESQL ? INSERT_FRESH_POSTGRESQL : INSERT_FRESH)) {
                bindAll(s, batch.value(), partner, eventId, event.eventTime());
                set.bind(c, s, 5);
                if (dialect == RegistryDialect.H2) {
                    bindFrom(s, 7, batch.value());
                }
                fresh = s.executeUpdate();
            }
            if (fresh < set.size()) {
                try (PreparedStatement s = c.prepareStatement(INSERT_CLAIMS)) {
                    bindAll(s, partner, eventId, event.eventTime());
                    set.bind(c, s, 4);
                    bindFrom(s, 6, batch.value(), partner, eventId, partner, eventId);
                    s.executeUpdate();
                }
            }
            SerialCounts.add(c, product.getKey(), batch, fresh);
            inserted += fresh;
            alreadyHeld += set.size() - fresh;
        }
        return new Outcome(inserted, alreadyHeld);
    }

    static Map<ProductCode, List<EpcSerial>> byProduct(Collection<EpcSerial> serials) {
        Map<ProductCode, List<EpcSerial>> groups = new LinkedHashMap<>();
        for (EpcSerial serial : serials) {
            groups.computeIfAbsent(serial.product(), p -> new ArrayList<>()).add(serial);
        }
        return groups;
    }
}
