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

    private EpcisTimestamp() {
    }

    static Instant parse(String field, String raw) {
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
                throw new InvalidValueException(field, field + " '" + value + "' has no time-zone offset (e.g. Z or +01:00)");
            }
            throw new InvalidValueException(field, field + " '" + value + "' is not an ISO 8601 date-time such as 2025-03-01T09:15:30.000+01:00");
        }
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
        if (!value.matches("[+-](0\\d|1[0-4]):[0-5]\\d")) {
            throw new InvalidValueException("eventTimeZoneOffset", "eventTimeZoneOffset '" + value + "' must be +HH:MM or -HH:MM");
        }
    }
}
