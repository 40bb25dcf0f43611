package io.cmohub.routes.ledger;

import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The hub's deduplication ledger: which canonical event ids have been published. Keyed by the
 * content-derived event id, so re-posting a file publishes nothing new. Also a Camel
 * {@link IdempotentRepository}, for hosts that want the Idempotent Consumer EIP on the same table.
 *
 * <p>Ids are claimed in a transaction that commits after the broker committed the events: concurrent
 * publications of the same record serialise on the claim, and a crash between the two commits can
 * only cause a re-publication, which the broker's duplicate detection drops.
 */
public final class JdbcEventLedger extends ServiceSupport implements IdempotentRepository {
    private static final int IN_CHUNK = 500;

    private final DataSource dataSource;

    public JdbcEventLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The subset of {@code ids} already published. */
    public Set<String> alreadyPublished(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                String sql = "SELECT event_id FROM published_event WHERE event_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            known.add(rs.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the event ledger", e);
        }
        return known;
    }

    /**
     * Claims the ids not published yet, in a database transaction that stays open until the caller
     * has published them: a concurrent claim of the same id (the same record in another document,
     * on this node or another) waits for this transaction and then finds the id taken. Commit the
     * claim after the broker committed; close it without commit (rollback) if publishing failed.
     */
    public Claim claim(Collection<String> ids, String documentId) {
        Set<String> candidates = new java.util.LinkedHashSet<>(ids);
        candidates.removeAll(alreadyPublished(ids));
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                return new Claim(c, insertAll(c, candidates, documentId));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not claim events in the event ledger", e);
        }
    }

    /** Inserts the ids in one batch; when another transaction got some of them first, one by one with savepoints. */
    private static Set<String> insertAll(Connection c, Set<String> ids, String documentId) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        java.sql.Savepoint beforeBatch = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO published_event (event_id, document_id, published_at) VALUES (?, ?, ?)")) {
            for (String id : ids) {
                s.setString(1, id);
                s.setString(2, documentId);
                s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
                s.addBatch();
            }
            s.executeBatch();
            return ids;
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(beforeBatch);
        }
        Set<String> claimed = new java.util.LinkedHashSet<>();
        for (String id : ids) {
            java.sql.Savepoint one = c.setSavepoint();
            try {
                insert(c, id, documentId);
                claimed.add(id);
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback(one);
            }
        }
        return claimed;
    }

    /** Ids claimed for publication, holding their ledger rows locked until {@link #commit} or {@link #close}. */
    public static final class Claim implements AutoCloseable {
        private final Connection connection;
        private final Set<String> claimed;
        private boolean committed;

        Claim(Connection connection, Set<String> claimed) {
            this.connection = connection;
            this.claimed = Set.copyOf(claimed);
        }

        public Set<String> claimed() {
            return claimed;
        }

        public void commit() {
            try {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new StoreException("could not commit the event ledger", e);
            }
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("could not release an event ledger claim", e);
            }
        }
    }

    private static void insert(Connection c, String id, String documentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO published_event (event_id, document_id, published_at) VALUES (?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, documentId);
            s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
            s.executeUpdate();
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return io.cmohub.routes.store.SqlStates.isUniqueViolation(e);
    }

    @Override
    public boolean add(String key) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, key, "camel");
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("could not write the event ledger", e);
        }
    }

    @Override
    public boolean contains(String key) {
        return !alreadyPublished(List.of(key)).isEmpty();
    }

    @Override
    public boolean remove(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM published_event WHERE event_id = ?")) {
            s.setString(1, key);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not write the event ledger", e);
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("the event ledger is the hub's record of what was published; it is never cleared wholesale");
    }
}
