package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.event.EventIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Numbers the published states of a case or an evidence request (V4__coordination_revisions.sql).
 *
 * <p>Event ids come from content, so without a number a state that returns (A -> B -> A) would be
 * taken for a re-send of the first A by the outbox and by every consumer's deduplication. A counter
 * on the row, advanced under the case lock, is gap-free and ordered whichever node or clock made
 * the change; a change time would not be (two changes in one clock tick, clocks of two nodes). The
 * content hash of the last published state keeps the old rule that an unchanged state is not
 * published again.
 */
enum Revisions {
    CASE("coordination_case", "case_id"),
    REQUEST("coordination_evidence_request", "request_id");

    private final String select;
    private final String update;

    Revisions(String table, String key) {
        this.select = "SELECT revision, published_content FROM " + table + " WHERE " + key + " = ?";
        this.update = "UPDATE " + table + " SET revision = ?, published_content = ? WHERE " + key + " = ?";
    }

    /**
     * The revision to publish {@code state} (given without a revision) under, recorded as published;
     * empty when it is the state last published. The caller holds the case lock, so two changes of
     * one case never get the same number.
     */
    OptionalInt next(Connection c, String id, CanonicalRecord state) throws SQLException {
        String content = EventIds.of(state);
        int revision;
        try (PreparedStatement s = c.prepareStatement(select)) {
            bindAll(s, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row " + id + " to publish");
                }
                if (content.equals(rs.getString(2))) {
                    return OptionalInt.empty();
                }
                revision = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement(update)) {
            bindAll(s, revision, content, id);
            s.executeUpdate();
        }
        return OptionalInt.of(revision);
    }
}
