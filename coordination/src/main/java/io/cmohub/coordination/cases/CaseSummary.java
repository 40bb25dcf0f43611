package io.cmohub.coordination.cases;

import io.cmohub.model.CaseStatus;
import java.time.Instant;

/**
 * One case as a work list shows it, read in one query with the others.
 *
 * @param partner the CMO the case is attributed to; null when it is not
 * @param dueAt   the earliest due time of its evidence requests still waiting for the CMO; null when none waits
 */
public record CaseSummary(String caseId, String alertCode, CaseStatus status, String product, String batchId, String market, String partner,
                          Instant openedAt, Instant dueAt) {
}
