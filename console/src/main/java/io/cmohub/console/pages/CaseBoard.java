package io.cmohub.console.pages;

import io.cmohub.coordination.calendar.BusinessCalendar;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.value.PartnerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The rows of the cases board: open cases with their SLA due time and the working time left on the CMO's calendar. */
@Component
public class CaseBoard {
    static final int MAX_ROWS = 500;
    private static final Set<EvidenceRequestStatus> WAITING = EnumSet.of(EvidenceRequestStatus.OPEN, EvidenceRequestStatus.DISPATCHED,
            EvidenceRequestStatus.OVERDUE, EvidenceRequestStatus.ESCALATED);

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
        boolean keeps(CaseRow row) {
            return matches(status, row.status()) && matches(cmo, row.cmo()) && matches(code, row.alertCode()) && matches(market, row.market());
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase(actual);
        }
    }

    /** Cases not closed (or, with a CLOSED status filter, the closed ones), soonest due first. */
    public List<CaseRow> rows(Filter filter) {
        Instant now = clock.instant();
        Map<String, Optional<BusinessCalendar>> calendars = new HashMap<>();
        List<InvestigationCase> listed = "CLOSED".equalsIgnoreCase(filter.status())
                ? cases.views().list(CaseStatus.CLOSED, partner(filter.cmo()), MAX_ROWS)
                : cases.views().list(null, partner(filter.cmo()), MAX_ROWS * 2).stream().filter(c -> c.status() != CaseStatus.CLOSED).toList();
        return listed.stream().map(c -> row(c, now, calendars)).filter(filter::keeps)
                .sorted(Comparator.comparing(CaseRow::dueAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CaseRow::caseId))
                .limit(MAX_ROWS).toList();
    }

    private CaseRow row(InvestigationCase c, Instant now, Map<String, Optional<BusinessCalendar>> calendars) {
        String cmo = c.attribution() == null || c.attribution().partner() == null ? "" : c.attribution().partner().value();
        Instant due = cases.views().requests(c.caseId()).stream().filter(r -> WAITING.contains(r.status())).map(EvidenceRequest::dueAt)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean overdue = due != null && !due.isAfter(now);
        String left = "";
        if (due != null) {
            left = overdue ? "overdue" : calendars.computeIfAbsent(cmo, this::calendar)
                    .map(calendar -> words(calendar.between(now, due)) + " working time")
                    .orElseGet(() -> words(Duration.between(now, due)));
        }
        return new CaseRow(c.caseId(), c.alertCode().value(), c.product() == null ? "" : c.product().value(), c.batchId() == null ? "" : c.batchId().value(),
                c.market() == null ? "" : c.market().code(), cmo, c.status().name(), due, left, overdue, c.status() == CaseStatus.ESCALATED);
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
