package io.cmohub.routes.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one database transaction: committed when it completes, rolled back when it throws. */
public final class JdbcTransaction {
    private JdbcTransaction() {
    }

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    public interface Work {
        Work NOTHING = connection -> {
        };

        void run(Connection connection) throws SQLException;
    }

    /** @param failure what could not be done, for the {@link StoreException} message */
    public static void run(DataSource dataSource, String failure, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }
}
