package io.cmohub.connector.sapidoc;

import io.cmohub.model.value.InvalidValueException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * SAP's external formats as IDoc-XML writes them: dates YYYYMMDD (00000000 = no date), times
 * HHMMSS in the sending system's time zone, numbers with a trailing minus sign ("12.5-") and
 * floating-point fields in E notation ("9.9200000000000E+01").
 */
final class SapValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId systemZone;

    SapValues(ZoneId systemZone) {
        this.systemZone = systemZone;
    }

    /** Blank and SAP's initial date 00000000 both mean "no date". */
    static String dateOrNull(String raw) {
        return raw == null || raw.isBlank() || raw.strip().equals("00000000") ? null : raw.strip();
    }

    static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw, DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + raw + "' is not a date YYYYMMDD");
        }
    }

    Instant instant(String date, String time) {
        LocalDate day = date(date);
        LocalTime clock = LocalTime.MIDNIGHT;
        if (time != null && !time.isBlank()) {
            try {
                clock = LocalTime.parse(time.strip(), TIME);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("'" + time + "' is not a time HHMMSS");
            }
        }
        try {
            return LocalDateTime.of(day, clock).atZone(systemZone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException(e.getMessage());
        }
    }

    LocalDate day(Instant instant) {
        return instant.atZone(systemZone).toLocalDate();
    }

    static BigDecimal number(String raw) {
        String text = raw.strip();
        boolean negative = text.endsWith("-");
        if (negative) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new InvalidValueException("'" + raw + "' is not a number");
        }
        BigDecimal value = new BigDecimal(text);
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            // a floating-point field carries 14 digits of mantissa whatever was entered; 99.2, not 99.200000000000
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        return negative ? value.negate() : value;
    }
}
