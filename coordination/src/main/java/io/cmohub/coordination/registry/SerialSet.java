package io.cmohub.coordination.registry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A chunk's serials as one relation in SQL: two array parameters unnested into rows
 * {@code (product_code, serial)}, so that a commissioning or retraction chunk of 10,000 serials is
 * one set-based statement joined on the serial table's primary key, not a lookup per slice. The
 * same SQL on H2 and PostgreSQL ({@code UNNEST} of typed arrays).
 */
final class SerialSet {
    /** The relation, aliased {@code u}; bind with {@link #bind} at the position of its first parameter. */
    static final String ROWS = "UNNEST(CAST(? AS VARCHAR(14) ARRAY), CAST(? AS VARCHAR(20) ARRAY)) AS u(product_code, serial)";

    private final String[] products;
    private final String[] serials;

    SerialSet(Collection<EpcSerial> chunk) {
        products = new String[chunk.size()];
        serials = new String[chunk.size()];
        int i = 0;
        for (EpcSerial serial : chunk) {
            products[i] = serial.product().value();
            serials[i] = serial.serial().value();
            i++;
        }
    }

    int size() {
        return serials.length;
    }

    boolean isEmpty() {
        return serials.length == 0;
    }

    /** Binds the two arrays at {@code index} and {@code index + 1}. */
    void bind(Connection c, PreparedStatement s, int index) throws SQLException {
        Array productArray = c.createArrayOf("VARCHAR", products);
        Array serialArray = c.createArrayOf("VARCHAR", serials);
        s.setArray(index, productArray);
        s.setArray(index + 1, serialArray);
    }
}
