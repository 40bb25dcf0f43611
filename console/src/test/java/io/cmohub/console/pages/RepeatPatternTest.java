package io.cmohub.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.coordination.scorecard.AlertPattern;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatPatternTest {
    @Test
    void oneCodeOnOneLineAcrossMonthsIsARepeatAndOtherLinesOrCodesAreNot() {
        List<AlertPattern> patterns = List.of(
                new AlertPattern("acme-lyon", "ACME-LYON", "L3", "A52", YearMonth.of(2026, 9), 1),
                new AlertPattern("acme-lyon", "ACME-LYON", "L3", "A52", YearMonth.of(2026, 11), 2),
                new AlertPattern("acme-lyon", "ACME-LYON", "L2", "A52", YearMonth.of(2026, 11), 1),
                new AlertPattern("acme-lyon", "ACME-LYON", "L3", "A2", YearMonth.of(2026, 10), 1),
                new AlertPattern("beta-cmo", "BETA-1", "L1", "A3", YearMonth.of(2026, 10), 2),
                new AlertPattern(null, null, null, "A24", YearMonth.of(2026, 10), 5));
        assertThat(RepeatPattern.of(patterns, 2)).containsExactly(
                new RepeatPattern("acme-lyon", "ACME-LYON", "L3", "A52", 3, YearMonth.of(2026, 9), YearMonth.of(2026, 11)),
                new RepeatPattern("beta-cmo", "BETA-1", "L1", "A3", 2, YearMonth.of(2026, 10), YearMonth.of(2026, 10)));
        assertThat(RepeatPattern.of(patterns, 4)).as("unattributed alerts are no CMO's pattern").isEmpty();
    }
}
