package io.cmohub.connector.mapping.convert;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.YEAR;

import io.cmohub.model.value.Expiry;
import java.text.ParsePosition;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * An expiry written with day 00 in a full-date pattern ({@code 00.06.2027} for {@code dd.MM.yyyy}): the
 * end of the month, as GS1's YYMMDD prints a month-only expiry. A strict date parser refuses day 0, so
 * the fields are read unresolved first; any other value is left to the strict parser and its message.
 */
final class DayZeroExpiry {
    private DayZeroExpiry() {
    }

    /** The expiry when {@code value} has day 00 and a valid month and year; empty for every other value. */
    static Optional<Expiry> read(String value, DateTimeFormatter format, String pattern) {
        String text = value.strip();
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor fields = format.parseUnresolved(text, position);
        if (fields == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length() || !fields.isSupported(DAY_OF_MONTH)
                || fields.getLong(DAY_OF_MONTH) != 0 || !fields.isSupported(MONTH_OF_YEAR) || !fields.isSupported(YEAR)) {
            return Optional.empty();
        }
        long month = fields.getLong(MONTH_OF_YEAR);
        long year = fields.getLong(YEAR);
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("'" + text + "' (pattern " + pattern + ") is an expiry outside 2000-2099, which GS1's YYMMDD cannot print");
        }
        return Optional.of(Expiry.parse(String.format("%02d%02d00", year % 100, month)));
    }
}
