package io.cmohub.coordination.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A CMO's working time: working days, one working window per day, public holidays and the time
 * zone the CMO works in. An SLA agreed "in business hours" is counted on this calendar, so 8
 * business hours asked on Friday at 16:00 in Lyon fall due on Monday afternoon, not Saturday
 * midnight. Pure: no clock, no I/O.
 *
 * <p>The window is read as local wall-clock time on each day, so a DST change moves it with the
 * clock on the wall; a window that a DST gap cuts short counts only the hours that really exist.
 * Overnight windows (end before start) are refused: no CMO liaison in the register works one, and
 * supporting them would make "which day" ambiguous.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime dayStart, LocalTime dayEnd, SortedSet<LocalDate> holidays) {
    /** How far ahead a due time may lie; guards against a calendar whose every day is a holiday. */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(dayEnd, "dayEnd");
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("the working day must end after it starts (" + dayStart + "-" + dayEnd + "); overnight windows are not supported");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = holidays == null ? new TreeSet<>() : new TreeSet<>(holidays);
        holidays = java.util.Collections.unmodifiableSortedSet(holidays);
    }

    /** Monday to Friday, {@code start}-{@code end}, no holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime start, LocalTime end) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end, new TreeSet<>());
    }

    public BusinessCalendar withHolidays(Set<LocalDate> more) {
        SortedSet<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(more);
        return new BusinessCalendar(zone, workingDays, dayStart, dayEnd, all);
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** True when {@code instant} lies inside a working window. */
    public boolean isBusinessTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        return isWorkingDay(date) && !instant.isBefore(windowStart(date)) && instant.isBefore(windowEnd(date));
    }

    /**
     * The instant at which {@code businessTime} of working time has passed after {@code from}.
     * Time outside the windows does not count; a zero duration from outside a window gives the
     * next window's start (work cannot be due before anyone is there to do it).
     */
    public Instant plus(Instant from, Duration businessTime) {
        Objects.requireNonNull(from, "from");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        Duration remaining = businessTime;
        LocalDate date = from.atZone(zone).toLocalDate();
        Instant cursor = from;
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant start = windowStart(date);
            Instant end = windowEnd(date);
            if (!cursor.isBefore(end)) {
                continue;
            }
            Instant segmentStart = cursor.isAfter(start) ? cursor : start;
            Duration available = Duration.between(segmentStart, end);
            if (remaining.compareTo(available) < 0 || (remaining.isZero())) {
                return segmentStart.plus(remaining);
            }
            remaining = remaining.minus(available);
            if (remaining.isZero()) {
                return end;
            }
            cursor = end;
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS_SEARCHED + " days after " + from + " on " + this);
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (++days > MAX_DAYS_SEARCHED + 1) {
                throw new IllegalArgumentException("interval " + from + " to " + to + " is longer than " + MAX_DAYS_SEARCHED + " days");
            }
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant start = max(windowStart(date), from);
            Instant end = min(windowEnd(date), to);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private Instant windowStart(LocalDate date) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, dayStart), zone, null).toInstant();
    }

    private Instant windowEnd(LocalDate date) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, dayEnd), zone, null).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
