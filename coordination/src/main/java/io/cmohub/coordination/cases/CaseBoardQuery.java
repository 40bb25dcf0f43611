package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import io.cmohub.model.CaseStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of a work list in one set-based query — the earliest due time of each case's waiting evidence
 * requests included — soonest due first; so a board of hundreds of cases costs one round trip, not one per case.
 *
 * @param status  one status; null for every status but CLOSED
 * @param partner, alertCode, market  equal to; null for any
 */
public record CaseBoardQuery(CaseStatus status, String partner, String alertCode, String market, int limit) {
    private static final String WAITING = "('OPEN', 'DISPATCHED', 'OVERDUE', 'ESCALATED')";

    List<CaseSummary> run(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT c.case_id, c.alert_code, c.status, c.product_code, c.batch_id, c.market, c.partner_id, c.opened_at,"
                + " (SELECT MIN(r.due_at) FROM coordination_evidence_request r WHERE r.case_id = c.case_id AND r.status IN " + WAITING + ") AS due_at"
                + " FROM coordination_case c WHERE ");
        List<Object> parameters = new ArrayList<>();
        if (status == null) {
            sql.append("c.status <> 'CLOSED'");
        } else {
            sql.append("c.status = ?");
            parameters.add(status.name());
        }
        for (String[] filter : new String[][] {{"c.partner_id", partner}, {"c.alert_code", alertCode}, {"c.market", market}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                sql.append(" AND ").append(filter[0]).append(" = ?");
                parameters.add(filter[1].strip());
            }
        }
        sql.append(" ORDER BY due_at NULLS LAST, c.opened_at DESC, c.case_id FETCH FIRST ").append(Math.max(1, Math.min(limit, 5000))).append(" ROWS ONLY");
        List<CaseSummary> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            bindAll(s, parameters.toArray());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CaseSummary(rs.getString("case_id"), rs.getString("alert_code"), CaseStatus.valueOf(rs.getString("status")),
                            rs.getString("product_code"), rs.getString("batch_id"), rs.getString("market"), rs.getString("partner_id"),
                            SqlValues.instant(rs, "opened_at"), SqlValues.instant(rs, "due_at")));
                }
            }
        }
        return rows;
    }
}
