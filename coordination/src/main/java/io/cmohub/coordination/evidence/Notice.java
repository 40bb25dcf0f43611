package io.cmohub.coordination.evidence;

import io.cmohub.model.EvidenceRequest;
import java.util.List;
import java.util.Objects;

/**
 * One message to one recipient about a case: an evidence request, a reminder, an escalation. The
 * {@code noticeId} is stable across delivery attempts, so a receiver can drop a repeated delivery
 * (webhooks carry it as {@code X-CmoHub-Delivery}). {@code request} is the canonical evidence
 * request the notice is about; {@code text} is the human-readable body.
 */
public record Notice(String noticeId, NoticeKind kind, String caseId, String recipientName, String subject, String text,
                     EvidenceRequest request, List<String> cmoActions) {
    public Notice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        cmoActions = cmoActions == null ? List.of() : List.copyOf(cmoActions);
    }
}
