package io.cmohub.coordination.cases;

import io.cmohub.model.AlertCode;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.model.value.PartnerId;
import java.time.Instant;
import java.util.List;

/** An evidence request as its row stands, with the revision last published (null before its first publication). */
record RequestRow(String requestId, String caseId, PartnerId partner, AlertCode alertCode, List<EvidenceItem> items, Instant requestedAt,
                  Instant dueAt, String channel, EvidenceRequestStatus status, Integer revision) {

    EvidenceRequest canonical() {
        return new EvidenceRequest(requestId, caseId, alertCode, partner, items, requestedAt, dueAt, channel, status, revision);
    }
}
