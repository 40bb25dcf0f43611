package io.cmohub.coordination.alert.eams;

import static io.cmohub.routes.store.JdbcTime.fromDb;
import static io.cmohub.routes.store.JdbcTime.toDb;

import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code eams_cursor} table. Writes are compare-and-set on the version, so two nodes polling at once cannot both advance it. */
public final class JdbcEamsCursorStore {
    private final DataSource dataSource;

    public JdbcEamsCursorStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<EamsCursor> find(String pollerName) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT window_from, window_to, page_token, version FROM eams_cursor WHERE poller_name = ?")) {
            s.setString(1, pollerName);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EamsCursor(pollerName, fromDb(rs.getObject(1, OffsetDateTime.class)), fromDb(rs.getObject(2, OffsetDateTime.class)),
                        rs.getString(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the EAMS cursor " + pollerName, e);
        }
    }

    /** Creates the cursor unless it exists; returns the stored one either way. */
    public EamsCursor create(EamsCursor initial) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO eams_cursor (poller_name, window_from, window_to, page_token, version, updated_at) VALUES (?, ?, ?, ?, 0, ?)")) {
            s.setString(1, initial.pollerName());
            s.setObject(2, toDb(initial.windowFrom()));
            s.setObject(3, toDb(initial.windowTo()));
            s.setString(4, initial.pageToken());
            s.setObject(5, toDb(JdbcTime.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new StoreException("could not create the EAMS cursor " + initial.pollerName(), e);
            }
        }
        return find(initial.pollerName()).orElseThrow();
    }

    /**
     * Moves the cursor from {@code current} to {@code next}; false when another poller moved it
     * first (then this one stops: the other has the window).
     */
    public boolean advance(EamsCursor current, EamsCursor next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE eams_cursor SET window_from = ?, window_to = ?, page_token = ?, version = ?, updated_at = ? WHERE poller_name = ? AND version = ?")) {
            s.setObject(1, toDb(next.windowFrom()));
            s.setObject(2, toDb(next.windowTo()));
            s.setString(3, next.pageToken());
            s.setLong(4, current.version() + 1);
            s.setObject(5, toDb(JdbcTime.now()));
            s.setString(6, current.pollerName());
            s.setLong(7, current.version());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not move the EAMS cursor " + current.pollerName(), e);
        }
    }
}
