package io.cmohub.euhub.simulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the simulator's tables. Plain JDBC, one short connection per lookup. */
final class SimulatedHubData {

    record Product(String productCode, String codingScheme, String name, String commonName) {
    }

    record ProductMarket(String market, String nationalCode, Instant withdrawnAt) {
    }

    record Batch(String productCode, String batchId, String expiry, Recall recall, List<String> markets, long packCount) {
    }

    record Recall(String reason, Instant recalledAt) {
    }

    record Pack(String productCode, String serialNumber, String batchId, String state, Instant stateChangedAt, String decommissionLocation) {
    }

    record Upload(String uploadRef, String kind, String state, String productCode, String batchId, Instant receivedAt,
                  Instant completedAt, List<Rejection> rejections) {
    }

    record Rejection(String code, String message, String field, String market) {
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** Work that reads through one {@link SimulatedHubData} and may answer with a fault. */
    @FunctionalInterface
    interface Reading<T, E extends Exception> {
        T read(SimulatedHubData data) throws E;
    }

    private final DataSource dataSource;
    /** The connection every read uses, inside {@link #inOneConnection}; null: a connection per read. */
    private final Connection bound;
    /**
     * Batches read inside one {@link #inOneConnection}: a bulk request of a thousand packs of one batch
     * read the batch, and counted its packs, a thousand times (quadratic in the batch's size).
     */
    private final java.util.Map<String, Optional<Batch>> batchesRead = new java.util.HashMap<>();

    SimulatedHubData(DataSource dataSource) {
        this(dataSource, null);
    }

    private SimulatedHubData(DataSource dataSource, Connection bound) {
        this.dataSource = dataSource;
        this.bound = bound;
    }

    /**
     * Runs {@code work} with all its reads on one connection. A bulk request of a thousand packs reads
     * two or three rows per pack; a connection per read was thousands of connections per request,
     * which on an unpooled data source (PostgreSQL's, in the tests) took longer than a client waits.
     */
    <T, E extends Exception> T inOneConnection(Reading<T, E> work) throws E {
        if (bound != null) {
            return work.read(this);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return work.read(new SimulatedHubData(dataSource, c));
        } catch (SQLException e) {
            throw new SimulatorDataException("the simulator's database could not be read: " + e.getMessage(), e);
        }
    }

    Optional<Product> product(String productCode) {
        return read(c -> one(c, "SELECT product_code, coding_scheme, name, common_name FROM emvs_sim_product WHERE product_code = ?",
                rs -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), productCode));
    }

    List<ProductMarket> productMarkets(String productCode) {
        return read(c -> all(c, "SELECT market, national_code, withdrawn_at FROM emvs_sim_product_market WHERE product_code = ? ORDER BY market",
                rs -> new ProductMarket(rs.getString(1), rs.getString(2), instant(rs, 3)), productCode));
    }

    Optional<Batch> batch(String productCode, String batchId) {
        if (bound != null) {
            String key = productCode + "/" + batchId;
            Optional<Batch> known = batchesRead.get(key);
            if (known == null) {
                known = readBatch(productCode, batchId);
                batchesRead.put(key, known);
            }
            return known;
        }
        return readBatch(productCode, batchId);
    }

    private Optional<Batch> readBatch(String productCode, String batchId) {
        return read(c -> {
            Optional<String[]> row = one(c, "SELECT product_code, batch_id, expiry FROM emvs_sim_batch WHERE product_code = ? AND batch_id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, productCode, batchId);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Optional<Recall> recall = one(c, "SELECT reason, recalled_at FROM emvs_sim_recall WHERE product_code = ? AND batch_id = ?",
                    rs -> new Recall(rs.getString(1), instant(rs, 2)), productCode, batchId);
            List<String> markets = all(c, "SELECT market FROM emvs_sim_batch_market WHERE product_code = ? AND batch_id = ? ORDER BY market",
                    rs -> rs.getString(1), productCode, batchId);
            long packs = one(c, "SELECT COUNT(*) FROM emvs_sim_pack WHERE product_code = ? AND batch_id = ?",
                    rs -> rs.getLong(1), productCode, batchId).orElse(0L);
            String[] b = row.get();
            return Optional.of(new Batch(b[0], b[1], b[2], recall.orElse(null), markets, packs));
        });
    }

    Optional<Pack> pack(String productCode, String serialNumber) {
        return read(c -> one(c, "SELECT product_code, serial_number, batch_id, state, state_changed_at, decommission_location"
                        + " FROM emvs_sim_pack WHERE product_code = ? AND serial_number = ?",
                rs -> new Pack(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), rs.getString(6)),
                productCode, serialNumber));
    }

    Optional<Upload> upload(String uploadRef) {
        return read(c -> {
            List<Rejection> rejections = all(c, "SELECT code, message, field, market FROM emvs_sim_upload_rejection WHERE upload_ref = ? ORDER BY seq",
                    rs -> new Rejection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), uploadRef);
            return one(c, "SELECT upload_ref, kind, state, product_code, batch_id, received_at, completed_at FROM emvs_sim_upload WHERE upload_ref = ?",
                    rs -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            instant(rs, 6), instant(rs, 7), rejections), uploadRef);
        });
    }

    private <T> T read(Query<T> query) {
        if (bound == null) {
            return inOneConnection(data -> data.read(query));
        }
        try {
            return query.run(bound);
        } catch (SQLException e) {
            throw new SimulatorDataException("the simulator's database could not be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = all(c, sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static <T> List<T> all(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The database failed: the simulated Hub answers with a TRANSIENT fault, as a real one would. */
    static final class SimulatorDataException extends RuntimeException {
        SimulatorDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
