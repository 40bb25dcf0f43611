package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.cmohub.coordination.SqlValues;
import io.cmohub.model.AlertCode;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.model.value.PartnerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of evidence requests and of the CMO's answers (coordination_evidence_request,
 * coordination_evidence_answer), on the caller's connection: the workflow writes them in the case's
 * transaction, under the case lock.
 */
final class EvidenceRequestStore {
    private static final TypeReference<List<EvidenceItem>> ITEMS = new TypeReference<>() {
    };
    private static final String BY_ID = "SELECT * FROM coordination_evidence_request WHERE request_id = ?";

    private EvidenceRequestStore() {
    }

    /** One answer row to record: a text answer, or one file of an answer (document store id, name, SHA-256, size). */
    record AnswerRow(String itemCode, String text, String documentId, String fileName, String sha256, Long sizeBytes) {
        boolean isFile() {
            return documentId != null;
        }
    }

    static void insert(Connection c, RequestRow row, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_evidence_request (request_id, case_id, partner_id, alert_code, items_json, "
                + "requested_at, due_at, channel, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, row.requestId(), row.caseId(), row.partner(), row.alertCode().value(), CaseJson.write(row.items()), row.requestedAt(), row.dueAt(),
                    row.channel(), row.status().name(), now);
            s.executeUpdate();
        }
    }

    static Optional<RequestRow> row(Connection c, String requestId) throws SQLException {
        return rows(c, BY_ID, requestId).stream().findFirst();
    }

    static RequestRow existing(Connection c, String requestId) throws SQLException {
        return row(c, requestId).orElseThrow(() -> new SQLException("no evidence request " + requestId));
    }

    static List<RequestRow> ofCase(Connection c, String caseId) throws SQLException {
        return rows(c, "SELECT * FROM coordination_evidence_request WHERE case_id = ? ORDER BY requested_at, request_id", caseId);
    }

    /** A CMO's requests that still wait for evidence, soonest due first. */
    static List<RequestRow> openOfPartner(Connection c, PartnerId partner) throws SQLException {
        return rows(c, "SELECT * FROM coordination_evidence_request WHERE partner_id = ? AND status IN ('OPEN', 'DISPATCHED', 'OVERDUE', 'ESCALATED') "
                + "ORDER BY due_at, request_id", partner.value());
    }

    /** A CMO's answered or closed requests, most recently requested first, at most {@code limit}. */
    static List<RequestRow> settledOfPartner(Connection c, PartnerId partner, int limit) throws SQLException {
        return rows(c, "SELECT * FROM coordination_evidence_request WHERE partner_id = ? AND status IN ('ANSWERED', 'CLOSED') "
                + "ORDER BY requested_at DESC, request_id LIMIT " + Math.max(1, Math.min(limit, 1000)), partner.value());
    }

    /** The ids of a case's requests that are neither answered nor closed. */
    static List<String> unsettledOfCase(Connection c, String caseId) throws SQLException {
        List<String> open = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT request_id FROM coordination_evidence_request WHERE case_id = ? AND status NOT IN ('ANSWERED', 'CLOSED')")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getString(1));
                }
            }
        }
        return open;
    }

    static void updateStatus(Connection c, String requestId, EvidenceRequestStatus status, Instant answeredAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_evidence_request SET status = ?, answered_at = COALESCE(?, answered_at), updated_at = ? "
                + "WHERE request_id = ?")) {
            bindAll(s, status.name(), answeredAt, now, requestId);
            s.executeUpdate();
        }
    }

    static void insertAnswers(Connection c, String requestId, List<AnswerRow> answers, String answeredBy, Instant now) throws SQLException {
        int seq = nextAnswerSeq(c, requestId);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_evidence_answer (request_id, seq, item_code, answer_text, document_id, "
                + "file_name, sha256, size_bytes, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AnswerRow a : answers) {
                bindAll(s, requestId, seq++, a.itemCode(), a.text(), a.documentId(), a.fileName(), a.sha256(), a.sizeBytes(), answeredBy, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static Set<String> answeredItems(Connection c, String requestId) throws SQLException {
        Set<String> items = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT item_code FROM coordination_evidence_answer WHERE request_id = ?")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1));
                }
            }
        }
        return items;
    }

    static List<StoredAnswer> answers(Connection c, String requestId) throws SQLException {
        List<StoredAnswer> answers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_evidence_answer WHERE request_id = ? ORDER BY seq")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    answers.add(new StoredAnswer(requestId, rs.getInt("seq"), rs.getString("item_code"), rs.getString("answer_text"), rs.getString("document_id"),
                            rs.getString("file_name"), rs.getString("sha256"), SqlValues.longOrNull(rs, "size_bytes"), rs.getString("answered_by"),
                            SqlValues.instant(rs, "answered_at")));
                }
            }
        }
        return answers;
    }

    private static int nextAnswerSeq(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM coordination_evidence_answer WHERE request_id = ?")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        }
    }

    private static List<RequestRow> rows(Connection c, String sql, String parameter) throws SQLException {
        List<RequestRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<EvidenceItem> items;
                    try {
                        items = CaseJson.MAPPER.readValue(rs.getString("items_json"), ITEMS);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("stored items of evidence request " + rs.getString("request_id") + " are not readable", e);
                    }
                    rows.add(new RequestRow(rs.getString("request_id"), rs.getString("case_id"), PartnerId.of(rs.getString("partner_id")),
                            AlertCode.of(rs.getString("alert_code")), items, SqlValues.instant(rs, "requested_at"), SqlValues.instant(rs, "due_at"),
                            rs.getString("channel"), EvidenceRequestStatus.valueOf(rs.getString("status")), CaseStore.revision(rs)));
                }
            }
        }
        return rows;
    }
}
