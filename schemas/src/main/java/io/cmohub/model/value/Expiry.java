package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An expiry date as printed in GS1 AI (17), YYMMDD, together with the calendar date it means.
 * Day {@code 00} means the last day of the month. Both are kept because an A52 alert (expiry
 * mismatch) often comes down to exactly that difference: "250600" printed, "2025-06-30" uploaded.
 *
 * <p>Years resolve to 2000-2099. That agrees with the GS1 sliding-century rule for every expiry
 * from 2000 until 2050 at least, and an expiry outside this century is a data error in practice.
 */
public record Expiry(@JsonProperty("printed") String printed, @JsonProperty("date") LocalDate date) {

    public Expiry {
        LocalDate resolved = resolve(printed);
        if (date == null) {
            throw new InvalidValueException("expiry date is missing for printed expiry " + printed + " (expected " + resolved + ")");
        }
        if (!date.equals(resolved)) {
            throw new InvalidValueException("expiry date " + date + " does not match printed expiry " + printed + ", which means " + resolved);
        }
    }

    @JsonCreator
    static Expiry fromJson(@JsonProperty("printed") String printed, @JsonProperty("date") LocalDate date) {
        return new Expiry(printed, date);
    }

    /** Parses a printed GS1 YYMMDD expiry. */
    public static Expiry parse(String printed) {
        return new Expiry(printed, resolve(printed));
    }

    /** The printed form of a full date (never uses day 00). */
    public static Expiry of(LocalDate date) {
        if (date.getYear() < 2000 || date.getYear() > 2099) {
            throw new InvalidValueException("expiry " + date + " is outside 2000-2099 and cannot be printed as YYMMDD");
        }
        // not String.format: EPCIS commissioning converts one expiry per event, tens of thousands per file
        int yymmdd = date.getYear() % 100 * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        String printed = Integer.toString(1_000_000 + yymmdd).substring(1);
        return new Expiry(printed, date);
    }

    /** True when the printed day is 00, i.e. the date was resolved to the end of the month. */
    public boolean endOfMonth() {
        return printed.endsWith("00");
    }

    static LocalDate resolve(String printed) {
        if (printed == null || printed.length() != 6 || !printed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("expiry '" + printed + "' must be 6 digits YYMMDD");
        }
        int year = 2000 + Integer.parseInt(printed.substring(0, 2));
        int month = Integer.parseInt(printed.substring(2, 4));
        int day = Integer.parseInt(printed.substring(4, 6));
        if (month < 1 || month > 12) {
            throw new InvalidValueException("expiry " + printed + " has month " + printed.substring(2, 4) + ", outside 01-12");
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day == 0) {
            return yearMonth.atEndOfMonth();
        }
        try {
            return yearMonth.atDay(day);
        } catch (DateTimeException e) {
            throw new InvalidValueException("expiry " + printed + " has day " + printed.substring(4) + ", but " + yearMonth
                    + " has " + yearMonth.lengthOfMonth() + " days (use 00 for end of month)");
        }
    }

    @Override
    public String toString() {
        return printed;
    }
}
