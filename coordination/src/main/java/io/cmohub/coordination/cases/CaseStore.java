package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.model.Alert;
import io.cmohub.model.AlertCode;
import io.cmohub.model.Attribution;
import io.cmohub.model.AttributionOutcome;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.ReconciliationVerdict;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a case and of its alerts (coordination_case, coordination_case_alert), read and written on
 * the caller's connection so that a change of a case is one transaction with its timeline, audit rows and
 * outbox messages. Locking a case row ({@link #lock}) is how two nodes working on one case serialise.
 */
final class CaseStore {
    private CaseStore() {
    }

    /** What a new case row holds besides its keys. */
    record NewCase(String caseId, String groupKey, Alert alert, CaseStatus status, ProductCode product, BatchId batch, Attribution attribution,
                   Reconciliation reconciliation, String summary) {
    }

    static void insert(Connection c, NewCase row, Instant now) throws SQLException {
        Attribution attribution = row.attribution();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_case (case_id, group_key, alert_code, status, product_code, batch_id, "
                + "market, attribution_outcome, attribution_reason, partner_id, site_id, line_id, run_id, verdict, verdict_json, summary, opened_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, row.caseId(), row.groupKey(), row.alert().code().value(), row.status().name(), row.product(), row.batch(), row.alert().market(),
                    attribution.outcome().name(), attribution.reason(), attribution.partner(), attribution.site(), attribution.line(),
                    attribution.packagingRunId(), row.reconciliation().verdict().name(), CaseJson.write(row.reconciliation()), row.summary(), now, now);
            s.executeUpdate();
        }
    }

    /** Locks the case row for this transaction and returns its status. */
    static CaseStatus lock(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM coordination_case WHERE case_id = ? FOR UPDATE")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no case " + caseId);
                }
                return CaseStatus.valueOf(rs.getString(1));
            }
        }
    }

    /** Moves an open case to {@code status}; a closed case stays closed. */
    static void setStatus(Connection c, String caseId, CaseStatus status, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET status = ?, updated_at = ? WHERE case_id = ? AND status <> 'CLOSED'")) {
            bindAll(s, status.name(), now, caseId);
            s.executeUpdate();
        }
    }

    static void touch(Connection c, String caseId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET updated_at = ? WHERE case_id = ?")) {
            bindAll(s, now, caseId);
            s.executeUpdate();
        }
    }

    static void recordVerdict(Connection c, String caseId, Reconciliation reconciliation, String summary, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET verdict = ?, verdict_json = ?, summary = ?, updated_at = ? WHERE case_id = ?")) {
            bindAll(s, reconciliation.verdict().name(), CaseJson.write(reconciliation), summary, now, caseId);
            s.executeUpdate();
        }
    }

    static void markClosed(Connection c, String caseId, ReconciliationVerdict verdict, String summary, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET status = 'CLOSED', closed_at = ?, verdict = ?, summary = ?, updated_at = ? "
                + "WHERE case_id = ?")) {
            bindAll(s, now, verdict == null ? null : verdict.name(), summary, now, caseId);
            s.executeUpdate();
        }
    }

    static ReconciliationVerdict verdict(Connection c, String caseId) throws SQLException {
        String verdict = text(c, "SELECT verdict FROM coordination_case WHERE case_id = ?", caseId).orElse(null);
        return verdict == null ? null : ReconciliationVerdict.valueOf(verdict);
    }

    static Optional<String> summary(Connection c, String caseId) throws SQLException {
        return text(c, "SELECT summary FROM coordination_case WHERE case_id = ?", caseId);
    }

    static Optional<Reconciliation> reconciliation(Connection c, String caseId) throws SQLException {
        Optional<String> json = text(c, "SELECT verdict_json FROM coordination_case WHERE case_id = ?", caseId);
        try {
            return json.isEmpty() ? Optional.empty() : Optional.of(CaseJson.MAPPER.readValue(json.get(), Reconciliation.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored reconciliation of case " + caseId + " is not readable", e);
        }
    }

    static Optional<String> caseOfAlert(Connection c, String alertId) throws SQLException {
        return text(c, "SELECT case_id FROM coordination_case_alert WHERE alert_id = ?", alertId);
    }

    static Optional<String> openCaseOfGroup(Connection c, String groupKey) throws SQLException {
        return text(c, "SELECT case_id FROM coordination_case WHERE group_key = ? AND status <> 'CLOSED' ORDER BY opened_at", groupKey);
    }

    static void addAlert(Connection c, String caseId, Alert alert) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_case_alert (alert_id, case_id, alert_code, market, serial, raised_at, alert_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, alert.alertId(), caseId, alert.code().value(), alert.market(), alert.scanned() == null ? null : CaseJson.limit(alert.scanned().serial(), 100),
                    alert.raisedAt(), CaseJson.write(alert));
            s.executeUpdate();
        }
    }

    static List<String> alertIds(Connection c, String caseId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT alert_id FROM coordination_case_alert WHERE case_id = ? ORDER BY raised_at, alert_id")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The case's first alert, the one its reconciliation is about. */
    static Alert firstAlert(Connection c, String caseId) throws SQLException {
        String json = text(c, "SELECT alert_json FROM coordination_case_alert WHERE case_id = ? ORDER BY raised_at, alert_id", caseId)
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        try {
            return CaseJson.MAPPER.readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored alert of case " + caseId + " is not readable", e);
        }
    }

    static Optional<InvestigationCase> load(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_case WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String partner = rs.getString("partner_id");
                String site = rs.getString("site_id");
                String line = rs.getString("line_id");
                Attribution attribution = new Attribution(AttributionOutcome.valueOf(rs.getString("attribution_outcome")),
                        partner == null ? null : PartnerId.of(partner), site == null ? null : SiteId.of(site), line == null ? null : LineId.of(line),
                        rs.getString("run_id"), rs.getString("attribution_reason"));
                String product = rs.getString("product_code");
                String batch = rs.getString("batch_id");
                String market = rs.getString("market");
                String verdict = rs.getString("verdict");
                return Optional.of(new InvestigationCase(caseId, alertIds(c, caseId), AlertCode.of(rs.getString("alert_code")),
                        CaseStatus.valueOf(rs.getString("status")), attribution, product == null ? null : ProductCode.of(product),
                        batch == null ? null : BatchId.of(batch), market == null ? null : Market.of(market), SqlValues.instant(rs, "opened_at"),
                        SqlValues.instant(rs, "closed_at"), verdict == null ? null : ReconciliationVerdict.valueOf(verdict), rs.getString("summary"),
                        revision(rs)));
            }
        }
    }

    /** The revision last published for a row; 0 in the column means none yet. */
    static Integer revision(ResultSet rs) throws SQLException {
        int revision = rs.getInt("revision");
        return revision == 0 ? null : revision;
    }

    private static Optional<String> text(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
