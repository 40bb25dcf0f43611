package io.cmohub.coordination;

import io.cmohub.routes.store.JdbcTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Binds and reads the nullable values the coordination tables hold, the same way on H2 and
 * PostgreSQL (instants as UTC {@code TIMESTAMP WITH TIME ZONE} at microsecond precision, dates as
 * {@code DATE}). JDBC's primitive getters turn NULL into 0, which would make "not counted" look
 * like "counted nothing".
 */
public final class SqlValues {
    private SqlValues() {
    }

    public static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            s.setObject(index, JdbcTime.toDb(instant));
        } else if (value instanceof LocalDate date) {
            s.setObject(index, date);
        } else if (value instanceof Long l) {
            s.setLong(index, l);
        } else if (value instanceof Integer i) {
            s.setInt(index, i);
        } else if (value instanceof Boolean b) {
            s.setBoolean(index, b);
        } else {
            s.setString(index, value.toString());
        }
    }

    public static void bindAll(PreparedStatement s, Object... values) throws SQLException {
        bindFrom(s, 1, values);
    }

    /** Binds {@code values} from parameter {@code first} on (after parameters bound otherwise, e.g. arrays). */
    public static void bindFrom(PreparedStatement s, int first, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(s, first + i, values[i]);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return JdbcTime.fromDb(rs.getObject(column, OffsetDateTime.class));
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
