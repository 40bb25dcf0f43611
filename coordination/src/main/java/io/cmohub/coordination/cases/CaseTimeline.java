package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.evidence.Party;
import io.cmohub.routes.store.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Appends to a case's timeline (coordination_timeline), inside the transaction that made the change it tells of. */
final class CaseTimeline {
    private CaseTimeline() {
    }

    static void append(Connection c, String caseId, Instant at, Party party, String actor, String action, String detail) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM coordination_timeline WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_timeline (case_id, seq, at, party, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, caseId, seq, at, party.name(), CaseJson.limit(actor, 200), action, CaseJson.limit(StoredText.clean(detail), 4000));
            s.executeUpdate();
        }
    }
}
