package io.cmohub.coordination.registry;

import io.cmohub.model.value.ProductCode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Serials in slices for {@code serial IN (...)} queries: at most 500 per statement, one product per
 * slice, so no statement carries thousands of parameters whatever the chunk size.
 */
final class SerialSlices {
    private static final int SLICE = 500;

    /** What a query does with one slice: the product and its serial numbers. */
    @FunctionalInterface
    interface Slice {
        void query(ProductCode product, List<String> serials) throws SQLException;
    }

    private SerialSlices() {
    }

    static void forEach(Collection<EpcSerial> serials, Slice slice) throws SQLException {
        List<EpcSerial> all = new ArrayList<>(serials);
        for (int from = 0; from < all.size(); from += SLICE) {
            List<EpcSerial> part = all.subList(from, Math.min(all.size(), from + SLICE));
            Set<ProductCode> products = new LinkedHashSet<>();
            part.forEach(e -> products.add(e.product()));
            for (ProductCode product : products) {
                slice.query(product, part.stream().filter(e -> e.product().equals(product)).map(e -> e.serial().value()).toList());
            }
        }
    }

    /** "?, ?, ?" for {@code count} parameters. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
