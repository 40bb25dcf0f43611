package io.cmohub.coordination.registry;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The count of serials registered per batch, kept on the batch row
 * ({@code coordination_batch.commissioned_serials}, V11) in the transaction that adds or removes
 * them, so that reading a batch (attribution of every alert, the batch view, the release check)
 * does not count a million rows.
 */
final class SerialCounts {
    private SerialCounts() {
    }

    static void add(Connection c, ProductCode product, BatchId batch, long delta) throws SQLException {
        if (delta == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_batch SET commissioned_serials = commissioned_serials + ? "
                + "WHERE product_code = ? AND batch_id = ?")) {
            bindAll(s, delta, product.value(), batch.value());
            s.executeUpdate();
        }
    }
}
