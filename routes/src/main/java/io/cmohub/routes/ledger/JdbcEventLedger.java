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
 * <p>Ids are recorded after the broker committed the events: a crash in between can only cause a
 * re-publication, which the broker's duplicate detection drops; recording first could lose events.
 */
public final class JdbcEventLedger extends ServiceSupport implements IdempotentRepository {
    private static final int IN_CHUNK = 500;
    private static final String UNIQUE_VIOLATION = "23505";

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

    /** Records ids as published; ids recorded meanwhile by another node are skipped, not an error. */
    public void recordPublished(Collection<String> ids, String documentId) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO published_event (event_id, document_id, published_at) VALUES (?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (String id : ids) {
                    s.setString(1, id);
                    s.setString(2, documentId);
                    s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                c.setAutoCommit(true);
                recordOneByOne(c, ids, documentId);
            }
        } catch (SQLException e) {
            throw new StoreException("could not write the event ledger", e);
        }
    }

    private static void recordOneByOne(Connection c, Collection<String> ids, String documentId) throws SQLException {
        for (String id : ids) {
            insert(c, id, documentId);
        }
    }

    private static boolean insert(Connection c, String id, String documentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO published_event (event_id, document_id, published_at) VALUES (?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, documentId);
            s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState());
    }

    @Override
    public boolean add(String key) {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, key, "camel");
        } catch (SQLException e) {
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
