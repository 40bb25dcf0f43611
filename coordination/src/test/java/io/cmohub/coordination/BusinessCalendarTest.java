package io.cmohub.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.coordination.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final BusinessCalendar lyon = BusinessCalendar.weekdays(PARIS, LocalTime.of(8, 0), LocalTime.of(17, 0));

    static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    @Test
    void withinOneDay() {
        assertThat(lyon.plus(paris("2026-11-18T09:00"), Duration.ofHours(3))).isEqualTo(paris("2026-11-18T12:00"));
    }

    @Test
    void fridayAfternoonRollsOverTheWeekend() {
        // 1 h left on Friday, 7 h on Monday.
        assertThat(lyon.plus(paris("2026-11-20T16:00"), Duration.ofHours(8))).isEqualTo(paris("2026-11-23T15:00"));
    }

    @Test
    void aHolidayIsSkipped() {
        BusinessCalendar withHoliday = lyon.withHolidays(Set.of(LocalDate.of(2026, 11, 23)));
        assertThat(withHoliday.plus(paris("2026-11-20T16:00"), Duration.ofHours(8))).isEqualTo(paris("2026-11-24T15:00"));
        assertThat(withHoliday.isWorkingDay(LocalDate.of(2026, 11, 23))).isFalse();
    }

    @Test
    void startOutsideHoursCountsFromTheNextWindow() {
        assertThat(lyon.plus(paris("2026-11-18T06:30"), Duration.ofHours(1))).isEqualTo(paris("2026-11-18T09:00"));
        assertThat(lyon.plus(paris("2026-11-18T19:00"), Duration.ofHours(1))).isEqualTo(paris("2026-11-19T09:00"));
        assertThat(lyon.plus(paris("2026-11-21T12:00"), Duration.ZERO)).isEqualTo(paris("2026-11-23T08:00"));
    }

    @Test
    void exactlyTheRestOfTheDayEndsAtClosingTime() {
        assertThat(lyon.plus(paris("2026-11-18T08:00"), Duration.ofHours(9))).isEqualTo(paris("2026-11-18T17:00"));
    }

    @Test
    void daylightSavingChangeKeepsWallClockHours() {
        // Sunday 29 March 2026 clocks go forward in Paris; Friday 16:00 + 2 h ends Monday 09:00 local (now UTC+2).
        Instant due = lyon.plus(paris("2026-03-27T16:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(paris("2026-03-30T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        assertThat(lyon.between(paris("2026-11-20T16:00"), paris("2026-11-23T15:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(lyon.between(paris("2026-11-21T00:00"), paris("2026-11-22T23:00"))).isZero();
        assertThat(lyon.between(paris("2026-11-23T15:00"), paris("2026-11-20T16:00"))).isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant from = paris("2026-12-23T10:17");
        BusinessCalendar christmas = lyon.withHolidays(Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
        for (int minutes = 0; minutes < 60 * 40; minutes += 37) {
            Instant due = christmas.plus(from, Duration.ofMinutes(minutes));
            assertThat(christmas.between(from, due)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void isBusinessTime() {
        assertThat(lyon.isBusinessTime(paris("2026-11-18T08:00"))).isTrue();
        assertThat(lyon.isBusinessTime(paris("2026-11-18T17:00"))).isFalse();
        assertThat(lyon.isBusinessTime(paris("2026-11-21T10:00"))).isFalse();
    }

    @Test
    void otherWorkingWeeks() {
        // A Sunday-to-Thursday site in Dubai.
        BusinessCalendar dubai = new BusinessCalendar(ZoneId.of("Asia/Dubai"), EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), new TreeSet<>());
        Instant thursdayAfternoon = ZonedDateTime.of(2026, 11, 19, 17, 0, 0, 0, ZoneId.of("Asia/Dubai")).toInstant();
        assertThat(dubai.plus(thursdayAfternoon, Duration.ofHours(2))).isEqualTo(ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneId.of("Asia/Dubai")).toInstant());
    }

    @Test
    void refusesCalendarsThatCannotWork() {
        assertThatThrownBy(() -> new BusinessCalendar(PARIS, Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0), null))
                .hasMessageContaining("at least one working day");
        assertThatThrownBy(() -> new BusinessCalendar(PARIS, Set.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), null))
                .hasMessageContaining("overnight");
        assertThatThrownBy(() -> lyon.plus(Instant.now(), Duration.ofHours(-1))).hasMessageContaining("negative");
    }
}
