package io.cmohub.gateway.server.reviews;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;

/**
 * Review reports as CSV for the reviewer's spreadsheet. A cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) gets a leading apostrophe: partners write parts of
 * what is audited (file names, reasons), and a review must not execute them.
 */
public final class ReviewCsv {
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReviewCsv() {
    }

    public static <T> String write(Class<T> type, List<T> rows) throws IOException {
        List<java.util.Map<String, Object>> safe = rows.stream().map(row -> {
            java.util.Map<String, Object> cells = CSV.convertValue(row, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {
            });
            cells.replaceAll((column, value) -> value instanceof String text ? defused(text) : value);
            return cells;
        }).toList();
        return CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(safe);
    }

    public static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
