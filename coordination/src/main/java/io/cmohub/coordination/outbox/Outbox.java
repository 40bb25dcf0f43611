package io.cmohub.coordination.outbox;

import static io.cmohub.coordination.SqlValues.bindAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.coordination.cases.EamsUpdate;
import io.cmohub.coordination.evidence.Notice;
import io.cmohub.coordination.liaison.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes outbox messages inside the caller's transaction, so a notice, an event or an EAMS update
 * exists exactly when the state change that caused it committed. {@link OutboxDelivery} sends them.
 */
public final class Outbox {
    static final ObjectMapper JSON = CanonicalJson.mapper();

    private Outbox() {
    }

    public static void notice(Connection c, Notice notice, Channel channel, Instant now) throws SQLException {
        insert(c, notice.noticeId(), OutboxKind.NOTICE, notice.caseId(), json(Map.of("notice", notice, "channel", channel)), now);
    }

    public static void event(Connection c, CanonicalEvent event, String caseId, Instant now) throws SQLException {
        // The event id is content-derived: the same event enqueued twice is one message. Cases and
        // evidence requests carry a revision in their content, so each of their state changes has an id of its own.
        insertIfAbsent(c, "event-" + event.id(), OutboxKind.EVENT, caseId, json(event), now);
    }

    public static void eams(Connection c, EamsUpdate update, String caseId, Instant now) throws SQLException {
        insert(c, update.updateId(), OutboxKind.EAMS, caseId, json(update), now);
    }

    private static void insertIfAbsent(Connection c, String id, OutboxKind kind, String caseId, String payload, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coordination_outbox WHERE message_id = ?")) {
            bindAll(s, id);
            if (s.executeQuery().next()) {
                return;
            }
        }
        insert(c, id, kind, caseId, payload, now);
    }

    private static void insert(Connection c, String id, OutboxKind kind, String caseId, String payload, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_outbox (message_id, kind, case_id, payload, state, attempts, created_at, "
                + "next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            bindAll(s, id, kind.name(), caseId, payload, now, now);
            s.executeUpdate();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an outbox payload as JSON", e);
        }
    }
}
