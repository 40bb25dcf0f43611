package io.cmohub.connector.epcis;

import io.cmohub.model.value.InvalidValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** EPCIS timestamps: xsd:dateTime with a time-zone offset (EPCIS needs the instant, so a local time is refused). */
final class EpcisTimestamp {
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile("[+-](0\\d|1[0-4]):[0-5]\\d");

    private EpcisTimestamp() {
    }

    static Instant parse(String field, String raw) {
        String value = raw.strip();
        Instant common = commonForm(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
                throw new InvalidValueException(field, field + " '" + value + "' has no time-zone offset (e.g. Z or +01:00)");
            }
            throw new InvalidValueException(field, field + " '" + value + "' is not an ISO 8601 date-time such as 2025-03-01T09:15:30.000+01:00");
        }
    }

    /**
     * The form nearly every EPCIS document uses, {@code 2025-03-01T09:15:30(.fff)(Z|+01:00)}, read
     * without java.time's general parser (a microsecond or two per call, twice per event). Null for
     * anything else, which the general parser then reads or explains; out-of-range fields (month 13)
     * also go there, for its message.
     */
    private static Instant commonForm(String v) {
        int n = v.length();
        if (n < 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int i = 19;
        int nanos = 0;
        if (i < n && v.charAt(i) == '.') {
            int start = ++i;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9' && i - start < 9) {
                nanos = nanos * 10 + (v.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && v.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':') {
            int hours = digits(v, i + 1, 2);
            int minutes = digits(v, i + 4, 2);
            if (hours < 0 || minutes < 0 || hours * 60 + minutes > 18 * 60 || minutes > 59) {
                return null;
            }
            offsetSeconds = (v.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The decimal number in {@code v[from, from + count)}, or -1 if a character is not a digit. */
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** True for a text that looks like a date-time, so hashing can give all notations of one instant one form. */
    static boolean looksLikeDateTime(String value) {
        return value.length() >= 20 && value.length() <= 40 && value.charAt(4) == '-' && value.charAt(7) == '-' && value.charAt(10) == 'T'
                && Character.isDigit(value.charAt(0));
    }

    /** The instant in UTC to the millisecond, rounded half up like the GS1 event hash algorithm. */
    static String utcMillis(Instant instant) {
        Instant rounded = instant.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS);
        return UTC_MILLIS.format(rounded);
    }

    static void requireOffset(String raw) {
        String value = raw.strip();
        if (!OFFSET.matcher(value).matches()) {
            throw new InvalidValueException("eventTimeZoneOffset", "eventTimeZoneOffset '" + value + "' must be +HH:MM or -HH:MM");
        }
    }
}
