package io.cmohub.console.pages;

import java.time.Instant;

/**
 * One line of the cases board.
 *
 * @param dueAt    the earliest due time of the case's unsettled evidence requests; null when none is waiting
 * @param timeLeft working time left on the CMO's business calendar, in words ("5 h 20 min"), or "overdue"
 */
public record CaseRow(String caseId, String alertCode, String product, String batch, String market, String cmo, String status, Instant dueAt,
                      String timeLeft, boolean overdue, boolean escalated) {
}
