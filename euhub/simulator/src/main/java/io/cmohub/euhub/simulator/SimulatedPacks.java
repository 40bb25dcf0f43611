package io.cmohub.euhub.simulator;

import io.cmohub.model.PackStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Adds packs to the simulator's data set, for tests and benchmarks that need more packs than the seed
 * holds. The product and batch must be in the simulator already (the seed's, e.g. 05012345100012 /
 * CZ24002). Written with batched inserts, a thousand per round trip.
 */
public final class SimulatedPacks {
    private SimulatedPacks() {
    }

    /** One pack to add: a decommissioned one should name when and, for an undo rule, where. */
    public record Pack(SerialNumber serial, PackStatus state, Instant stateChangedAt, String decommissionLocation) {
        public static Pack active(String serial) {
            return new Pack(SerialNumber.of(serial), PackStatus.ACTIVE, null, null);
        }
    }

    public static void add(DataSource simulatorData, ProductCode product, BatchId batchId, List<Pack> packs) {
        try (Connection c = simulatorData.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO emvs_sim_pack (product_code, serial_number, batch_id, state, state_changed_at, "
                    + "decommission_location) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Pack p : packs) {
                    s.setString(1, product.value());
                    s.setString(2, p.serial().value());
                    s.setString(3, batchId.value());
                    s.setString(4, p.state().name());
                    s.setObject(5, p.stateChangedAt() == null ? null : p.stateChangedAt().atOffset(ZoneOffset.UTC));
                    s.setString(6, p.decommissionLocation());
                    s.addBatch();
                    if (++n % 1000 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("packs could not be added to the simulator's data: " + e.getMessage(), e);
        }
    }
}
