package io.cmohub.examples.acme;

import io.cmohub.connector.mapping.convert.Converter;
import io.cmohub.connector.mapping.convert.ConverterArgument;
import io.cmohub.connector.mapping.convert.ConverterFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * ACME's export is assembled by a spreadsheet macro, so its "Stand" (last change) column holds an
 * Excel serial date-time: days since 1899-12-30 with the time of day as a fraction, written with a
 * decimal comma ("45717,3854" is 2025-03-01 09:14:59 local time). No built-in converter reads
 * that, so this is the one class the ACME onboarding needs.
 *
 * <p>Usage in a mapping: {@code convert: {excel-serial-datetime: Europe/Paris}}.
 */
public final class ExcelSerialDateTime implements ConverterFactory {
    /** Excel's day 0 (it counts 1900 as a leap year, so serials from March 1900 on line up with this epoch). */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Override
    public String name() {
        return "excel-serial-datetime";
    }

    @Override
    public String description() {
        return "reads an Excel serial date-time (days since 1899-12-30, decimal comma or point) in the zone given as argument";
    }

    @Override
    public Converter create(ConverterArgument argument) {
        ZoneId zone;
        try {
            zone = ZoneId.of(argument.text());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("needs the time zone the CMO's spreadsheet runs in, e.g. Europe/Paris");
        }
        return value -> {
            String text = value.toString().strip().replace(',', '.');
            BigDecimal serial;
            try {
                serial = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not an Excel serial date-time such as 45717,3854");
            }
            if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
                throw new IllegalArgumentException("'" + value + "' is outside the dates Excel can hold");
            }
            long days = serial.longValue();
            long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValue();
            return EPOCH.plusDays(days).atStartOfDay(zone).plusSeconds(seconds).toInstant();
        };
    }
}
