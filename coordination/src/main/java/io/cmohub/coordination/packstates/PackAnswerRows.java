package io.cmohub.coordination.packstates;

import static io.cmohub.coordination.SqlValues.bindAll;
import static io.cmohub.coordination.SqlValues.instant;

import io.cmohub.euhub.PackQuery;
import io.cmohub.model.BatchState;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStateCount;
import io.cmohub.model.PackStatus;
import io.cmohub.model.ProductState;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The answers of a query's packs: written a chunk at a time, read as pages, counted by answer. */
public final class PackAnswerRows {
    private final DataSource dataSource;

    public PackAnswerRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static void update(Connection c, String queryId, List<PackAnswer> answers) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pack_state_query_pack SET answer = ?, batch_id = ?, expiry = ?, batch_state = ?, "
                + "product_state = ?, state_changed_at = ?, decommission_location = ?, message = ?, answered_at = ? WHERE query_id = ? AND seq = ?")) {
            for (PackAnswer a : answers) {
                PackState st = a.state();
                bindAll(s, a.answer(), st == null ? null : st.batchId(), st == null || st.expiry() == null ? null : st.expiry().printed(),
                        st == null ? null : st.batchState(), st == null ? null : st.productState(), st == null ? null : st.stateChangedAt(),
                        st == null ? null : st.decommissionLocation(), a.message(), a.answeredAt(), queryId, a.seq());
                s.addBatch();
            }
            s.executeBatch();
        }
        countAnswers(c, queryId, answers);
    }

    /** Adds the chunk's answers to the query's counts; the caller holds the query's lease, so no other writer counts it. */
    private static void countAnswers(Connection c, String queryId, List<PackAnswer> answers) throws SQLException {
        java.util.Map<String, Long> chunk = new java.util.TreeMap<>();
        answers.forEach(a -> chunk.merge(a.answer(), 1L, Long::sum));
        try (PreparedStatement update = c.prepareStatement("UPDATE pack_state_query_count SET packs = packs + ? WHERE query_id = ? AND answer = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO pack_state_query_count (query_id, answer, packs) VALUES (?, ?, ?)")) {
            for (var count : chunk.entrySet()) {
                bindAll(update, count.getValue(), queryId, count.getKey());
                if (update.executeUpdate() == 0) {
                    bindAll(insert, queryId, count.getKey(), count.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** One page of a query's packs in order, answered or not ({@code answer} null: not asked yet). */
    public List<ResultRow> page(String queryId, int offset, int limit) {
        return rows("WHERE query_id = ? AND seq >= ? AND seq < ? ORDER BY seq", queryId, offset, offset + limit);
    }

    /** Packs of the query with one of {@code answers}: how many, and the first {@code limit} of them in order. */
    public Counted withAnswers(String queryId, List<String> answers, int limit) {
        if (answers.isEmpty()) {
            return new Counted(0, List.of());
        }
        String in = "answer IN (" + String.join(", ", answers.stream().map(a -> "?").toList()) + ")";
        Object[] values = new Object[answers.size() + 1];
        values[0] = queryId;
        for (int i = 0; i < answers.size(); i++) {
            values[i + 1] = answers.get(i);
        }
        long count = count("SELECT COUNT(*) FROM pack_state_query_pack WHERE query_id = ? AND " + in, values);
        return new Counted(count, rows("WHERE query_id = ? AND " + in + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY", values));
    }

    /** Found packs whose expiry differs from {@code expiry}: how many, and the first {@code limit} of them. */
    public Counted expiryOtherThan(String queryId, Expiry expiry, int limit) {
        long count = count("SELECT COUNT(*) FROM pack_state_query_pack WHERE query_id = ? AND expiry IS NOT NULL AND expiry <> ?", queryId, expiry.printed());
        List<ResultRow> examples = rows("WHERE query_id = ? AND expiry IS NOT NULL AND expiry <> ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                queryId, expiry.printed());
        return new Counted(count, examples);
    }

    public record Counted(long count, List<ResultRow> examples) {
    }

    /** How many packs got each answer so far (kept per chunk, not counted here); packs not asked yet are left out. */
    public List<PackStateCount> counts(String queryId) {
        List<PackStateCount> counts = new ArrayList<>();
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT answer, packs FROM pack_state_query_count WHERE query_id = ? ORDER BY answer")) {
                bindAll(s, queryId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.add(new PackStateCount(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
        });
        return counts;
    }

    /** A pack of a query as stored: what was asked and, once asked, the answer. */
    public record ResultRow(int seq, PackQuery query, String answer, BatchId batchId, Expiry expiry, BatchState batchState, ProductState productState,
                            java.time.Instant stateChangedAt, String decommissionLocation, String message, java.time.Instant answeredAt) {

        public boolean stateIs(PackStatus status) {
            return status.name().equals(answer);
        }
    }

    private List<ResultRow> rows(String where, Object... values) {
        List<ResultRow> rows = new ArrayList<>();
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, product_code, serial, market, answer, batch_id, expiry, batch_state, product_state, "
                    + "state_changed_at, decommission_location, message, answered_at FROM pack_state_query_pack " + where)) {
                bindAll(s, values);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String batch = rs.getString("batch_id");
                        String expiry = rs.getString("expiry");
                        String batchState = rs.getString("batch_state");
                        String productState = rs.getString("product_state");
                        rows.add(new ResultRow(rs.getInt("seq"), PackQuery.of(rs.getString("product_code"), rs.getString("serial"), rs.getString("market")),
                                rs.getString("answer"), batch == null ? null : BatchId.of(batch), expiry == null ? null : Expiry.parse(expiry),
                                batchState == null ? null : BatchState.valueOf(batchState), productState == null ? null : ProductState.valueOf(productState),
                                instant(rs, "state_changed_at"), rs.getString("decommission_location"), rs.getString("message"), instant(rs, "answered_at")));
                    }
                }
            }
        });
        return rows;
    }

    private long count(String sql, Object... values) {
        long[] count = new long[1];
        read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bindAll(s, values);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    count[0] = rs.getLong(1);
                }
            }
        });
        return count[0];
    }

    private void read(io.cmohub.routes.store.JdbcTransaction.Work work) {
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read pack-state answers", e);
        }
    }
}
