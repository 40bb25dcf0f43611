package io.cmohub.console.pages;

import io.cmohub.coordination.calendar.BusinessCalendar;
import io.cmohub.coordination.cases.CaseBoardQuery;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CaseSummary;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.value.PartnerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The rows of the cases board: open cases with their SLA due time and the working time left on the CMO's calendar. */
@Component
public class CaseBoard {
    static final int MAX_ROWS = 500;

    private final CaseCoordinator cases;
    private final LiaisonRegister liaisons;
    private final Clock clock;

    public CaseBoard(CaseCoordinator cases, LiaisonRegister liaisons, Clock clock) {
        this.cases = cases;
        this.liaisons = liaisons;
        this.clock = clock;
    }

    /** The filters a person set on the board; blank means "all". */
    public record Filter(String status, String cmo, String code, String market) {
    }

    /** Cases not closed (or those of the status filtered for), soonest due first: one query, then the working time left per row. */
    public List<CaseRow> rows(Filter filter) {
        Instant now = clock.instant();
        Map<String, Optional<BusinessCalendar>> calendars = new HashMap<>();
        CaseStatus status;
        try {
            status = filter.status() == null || filter.status().isBlank() ? null : CaseStatus.valueOf(filter.status().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return List.of(); // an unknown status matches no case
        }
        // alert codes and markets are upper case, partner ids lower case: a person's "a52" or "ie" still finds them
        return cases.views().board(new CaseBoardQuery(status, lower(filter.cmo()), upper(filter.code()), upper(filter.market()), MAX_ROWS)).stream()
                .map(c -> row(c, now, calendars)).toList();
    }

    private CaseRow row(CaseSummary c, Instant now, Map<String, Optional<BusinessCalendar>> calendars) {
        String cmo = c.partner() == null ? "" : c.partner();
        Instant due = c.dueAt();
        boolean overdue = due != null && !due.isAfter(now);
        String left = "";
        if (due != null) {
            left = overdue ? "overdue" : calendars.computeIfAbsent(cmo, this::calendar)
                    .map(calendar -> words(calendar.between(now, due)) + " working time")
                    .orElseGet(() -> words(Duration.between(now, due)));
        }
        return new CaseRow(c.caseId(), c.alertCode(), nullToBlank(c.product()), nullToBlank(c.batchId()), nullToBlank(c.market()), cmo, c.status().name(),
                due, left, overdue, c.status() == CaseStatus.ESCALATED);
    }

    private static String upper(String text) {
        return text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String nullToBlank(String text) {
        return text == null ? "" : text;
    }

    private Optional<BusinessCalendar> calendar(String cmo) {
        PartnerId partner = partner(cmo);
        return partner == null ? Optional.empty() : liaisons.find(partner).map(Liaison::calendar);
    }

    private static PartnerId partner(String cmo) {
        if (cmo == null || cmo.isBlank()) {
            return null;
        }
        try {
            return PartnerId.of(cmo);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
