package io.cmohub.coordination.packstates;

import static io.cmohub.coordination.SqlValues.bindAll;
import static io.cmohub.coordination.SqlValues.instant;

import io.cmohub.euhub.PackQuery;
import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.PackStateSweep;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The queries and their packs in the database (V12__pack_state_queries.sql): created with all their
 * packs, leased by one node at a time, advanced chunk by chunk. Every change checks the lease, so a
 * node that lost its query (it stalled past the lease) cannot write over the node that took it.
 */
public final class PackStateQueryStore {
    private static final String COLUMNS = "query_id, scope, sweep, product_code, batch_id, market, requested_by, status, asked, answered, failed, "
            + "next_seq, created_at, started_at, completed_at, paused_reason, pauses, resume_at, summary_sent";
    private static final int INSERT_BATCH = 1000;
    /** A query a node may take up (two parameters: now, now): running, paused until now, or completed with its summary to send. */
    private static final String DUE = "(status = 'RUNNING' OR (status = 'PAUSED' AND resume_at <= ?) "
            + "OR (status = 'COMPLETED' AND summary_sent = FALSE AND (resume_at IS NULL OR resume_at <= ?)))";

    private final DataSource dataSource;

    public PackStateQueryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Stores a query of packs and returns its id. */
    String createOfPacks(PackStateQueryRequest request, String requestedBy, Instant now) {
        String id = newId();
        JdbcTransaction.run(dataSource, "store pack-state query", c -> {
            insertQuery(c, id, request, requestedBy, request.packs().size(), now);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO pack_state_query_pack (query_id, seq, product_code, serial, market) VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (PackQuery pack : request.packs()) {
                    Market market = pack.market() != null ? pack.market() : request.market();
                    bindAll(s, id, seq++, pack.product(), pack.serial(), market);
                    s.addBatch();
                    if (seq % INSERT_BATCH == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
        });
        return id;
    }

    /**
     * Stores a query of the registry's commissioned serials of a batch, copied set-based in one
     * statement; returns its id and how many packs it asks.
     */
    Created createOfBatch(PackStateQueryRequest request, String requestedBy, Instant now) {
        String id = newId();
        long[] packs = new long[1];
        JdbcTransaction.run(dataSource, "store pack-state query of a batch", c -> {
            insertQuery(c, id, request, requestedBy, 0, now);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_state_query_pack (query_id, seq, product_code, serial, market) "
                    + "SELECT ?, CAST(ROW_NUMBER() OVER (ORDER BY serial) - 1 AS INTEGER), product_code, serial, ? FROM coordination_serial "
                    + "WHERE product_code = ? AND batch_id = ?")) {
                bindAll(s, id, request.market(), request.product(), request.batchId());
                packs[0] = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE pack_state_query SET asked = ? WHERE query_id = ?")) {
                bindAll(s, packs[0], id);
                s.executeUpdate();
            }
        });
        return new Created(id, packs[0]);
    }

    record Created(String queryId, long packs) {
    }

    private static void insertQuery(Connection c, String id, PackStateQueryRequest request, String requestedBy, long asked, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_state_query (query_id, scope, sweep, product_code, batch_id, market, requested_by, "
                + "status, asked, answered, failed, next_seq, created_at, pauses, summary_sent, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, FALSE, ?)")) {
            bindAll(s, id, request.scope(), request.sweep(), request.product(), request.batchId(), request.market(), cut(requestedBy, 200),
                    QueryState.RUNNING, asked, now, now);
            s.executeUpdate();
        }
    }

    /**
     * Takes up one query that is due: running without a live lease, paused until now or earlier, or
     * completed without its summary sent. Oldest first.
     */
    Optional<PackStateQueryStatus> claimDue(String node, Instant now, Instant leaseUntil) {
        List<String> candidates = new ArrayList<>();
        read("find due pack-state queries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT query_id FROM pack_state_query WHERE "
                    + DUE + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at FETCH FIRST 5 ROWS ONLY")) {
                bindAll(s, now, now, now);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
        });
        for (String id : candidates) {
            int[] claimed = new int[1];
            JdbcTransaction.run(dataSource, "claim pack-state query " + id, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE pack_state_query SET lease_owner = ?, lease_until = ?, "
                        + "status = CASE WHEN status = 'PAUSED' THEN 'RUNNING' ELSE status END, paused_reason = NULL, resume_at = NULL, "
                        + "started_at = COALESCE(started_at, ?), updated_at = ? WHERE query_id = ? AND (lease_until IS NULL OR lease_until < ?) AND " + DUE)) {
                    bindAll(s, node, leaseUntil, now, now, id, now, now, now);
                    claimed[0] = s.executeUpdate();
                }
            });
            if (claimed[0] == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** The next packs to ask, from {@code fromSeq} on, in order. */
    List<PendingPack> pending(String queryId, int fromSeq, int limit) {
        List<PendingPack> packs = new ArrayList<>(limit);
        read("read packs of pack-state query " + queryId, c -> {
            // seq runs 0, 1, 2, ... without gaps: a bounded range is one primary-key range scan on both
            // databases (H2 read every remaining pack of the query for "seq >= ? ... FETCH FIRST").
            try (PreparedStatement s = c.prepareStatement("SELECT seq, product_code, serial, market FROM pack_state_query_pack "
                    + "WHERE query_id = ? AND seq >= ? AND seq < ? ORDER BY seq")) {
                bindAll(s, queryId, fromSeq, fromSeq + limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        packs.add(new PendingPack(rs.getInt(1), PackQuery.of(rs.getString(2), rs.getString(3), rs.getString(4))));
                    }
                }
            }
        });
        return packs;
    }

    record PendingPack(int seq, PackQuery query) {
    }

    /**
     * Writes a chunk's answers and moves the query past them, in one transaction, if {@code node} still
     * holds the lease; false (nothing written) if it lost it.
     */
    boolean recordAnswers(String queryId, String node, List<PackAnswer> answers, int fromSeq, int nextSeq, Instant now, Instant leaseUntil) {
        long failed = answers.stream().filter(PackAnswer::failed).count();
        boolean[] held = new boolean[1];
        JdbcTransaction.run(dataSource, "record answers of pack-state query " + queryId, c -> {
            // next_seq = fromSeq: the chunk is recorded once, even if two holders of one node name asked it
            try (PreparedStatement s = c.prepareStatement("UPDATE pack_state_query SET next_seq = ?, answered = answered + ?, failed = failed + ?, "
                    + "lease_until = ?, updated_at = ? WHERE query_id = ? AND lease_owner = ? AND next_seq = ?")) {
                bindAll(s, nextSeq, answers.size() - failed, failed, leaseUntil, now, queryId, node, fromSeq);
                held[0] = s.executeUpdate() == 1;
            }
            if (!held[0]) {
                return;
            }
            PackAnswerRows.update(c, queryId, answers);
        });
        return held[0];
    }

    /**
     * Sets the query aside until {@code resumeAt} and gives up its lease. A COMPLETED query (its summary or findings
     * could not be sent) stays COMPLETED: its answers are all there; only the summary waits.
     */
    void pause(String queryId, String node, String reason, Instant resumeAt, Instant now) {
        update(queryId, "pause pack-state query", "UPDATE pack_state_query SET status = CASE WHEN status = 'COMPLETED' THEN 'COMPLETED' ELSE 'PAUSED' END, "
                + "paused_reason = ?, pauses = pauses + 1, resume_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE query_id = ? AND lease_owner = ?", cut(reason, 1000), resumeAt, now, queryId, node);
    }

    /** Extends the lease while a long chunk is asked. */
    void renew(String queryId, String node, Instant now, Instant leaseUntil) {
        update(queryId, "renew the lease of pack-state query", "UPDATE pack_state_query SET lease_until = ?, updated_at = ? WHERE query_id = ? AND lease_owner = ?",
                leaseUntil, now, queryId, node);
    }

    /** Gives up the lease of a query that is not finished (the node stops), so another node takes it up at once. */
    void release(String queryId, String node, Instant now) {
        update(queryId, "release pack-state query", "UPDATE pack_state_query SET lease_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE query_id = ? AND lease_owner = ?", now, queryId, node);
    }

    void complete(String queryId, String node, Instant now) {
        update(queryId, "complete pack-state query", "UPDATE pack_state_query SET status = 'COMPLETED', completed_at = COALESCE(completed_at, ?), "
                + "paused_reason = NULL, resume_at = NULL, updated_at = ? WHERE query_id = ? AND lease_owner = ?", now, now, queryId, node);
    }

    void summarySent(String queryId, String node, Instant now) {
        update(queryId, "mark pack-state summary sent", "UPDATE pack_state_query SET summary_sent = TRUE, lease_owner = NULL, lease_until = NULL, "
                + "updated_at = ? WHERE query_id = ? AND lease_owner = ?", now, queryId, node);
    }

    public Optional<PackStateQueryStatus> find(String queryId) {
        List<PackStateQueryStatus> found = select("WHERE query_id = ?", queryId);
        return found.stream().findFirst();
    }

    /** The latest queries, newest first. */
    public List<PackStateQueryStatus> latest(int limit) {
        return select("ORDER BY created_at DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY");
    }

    /** How many queries are RUNNING and PAUSED (a gauge for operators; completed ones are history). */
    public java.util.Map<QueryState, Long> unfinished() {
        java.util.Map<QueryState, Long> counts = new java.util.EnumMap<>(QueryState.class);
        counts.put(QueryState.RUNNING, 0L);
        counts.put(QueryState.PAUSED, 0L);
        read("count unfinished pack-state queries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM pack_state_query WHERE status <> 'COMPLETED' GROUP BY status");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(QueryState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        });
        return counts;
    }

    /**
     * Whether a sweep asked this batch since {@code since} or is still asking it (paused while the Hub is down), so that
     * a restart or another node's timer does not sweep it again. Two nodes whose timers fire in the same moment may
     * both start one; their findings have the same ids.
     */
    boolean sweptSince(PackStateSweep sweep, ProductCode product, BatchId batchId, Instant since) {
        return !select("WHERE scope = 'SWEEP' AND sweep = ? AND product_code = ? AND batch_id = ? AND (created_at >= ? OR status <> 'COMPLETED')",
                sweep, product, batchId, since).isEmpty();
    }

    private List<PackStateQueryStatus> select(String where, Object... values) {
        List<PackStateQueryStatus> rows = new ArrayList<>();
        read("read pack-state queries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM pack_state_query " + where)) {
                bindAll(s, values);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(status(rs));
                    }
                }
            }
        });
        return rows;
    }

    private static PackStateQueryStatus status(ResultSet rs) throws SQLException {
        String sweep = rs.getString("sweep");
        String product = rs.getString("product_code");
        String batch = rs.getString("batch_id");
        String market = rs.getString("market");
        return new PackStateQueryStatus(rs.getString("query_id"), PackStateQueryScope.valueOf(rs.getString("scope")),
                sweep == null ? null : PackStateSweep.valueOf(sweep), product == null ? null : ProductCode.of(product),
                batch == null ? null : BatchId.of(batch), market == null ? null : Market.of(market), rs.getString("requested_by"),
                QueryState.valueOf(rs.getString("status")), rs.getLong("asked"), rs.getLong("answered"), rs.getLong("failed"), rs.getInt("next_seq"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("paused_reason"), rs.getInt("pauses"),
                instant(rs, "resume_at"), rs.getBoolean("summary_sent"));
    }

    private void update(String queryId, String what, String sql, Object... values) {
        JdbcTransaction.run(dataSource, what + " " + queryId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bindAll(s, values);
                s.executeUpdate();
            }
        });
    }

    private void read(String what, JdbcTransaction.Work work) {
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private static String newId() {
        return "psq-" + UUID.randomUUID();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
