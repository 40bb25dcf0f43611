package io.cmohub.coordination.outbox;

import io.cmohub.routes.audit.AuditEvent;
import static io.cmohub.coordination.SqlValues.bindAll;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.coordination.SqlValues;
import io.cmohub.coordination.cases.EamsStatusWriter;
import io.cmohub.coordination.cases.EamsUpdate;
import io.cmohub.coordination.evidence.DeliveryException;
import io.cmohub.coordination.evidence.EvidenceDispatcher;
import io.cmohub.coordination.evidence.Notice;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Delivers due outbox messages: notices through the dispatcher for their channel, events through
 * the {@link EventPublisher}, EAMS updates through the {@link EamsStatusWriter}. Safe to run on
 * every node at once: a node takes a message by setting a lease with a conditional update, so
 * only one node delivers it at a time; a node that dies mid-delivery loses its lease and another
 * node delivers again (at-least-once; receivers deduplicate on the message id). A failure is
 * retried with exponential back-off; a permanent refusal or the last attempt marks the message
 * FAILED and audits it for an operator, who can {@link #retry} it after fixing the cause.
 */
public final class OutboxDelivery {
    public static final String AUDIT_OBJECT = "outbox";

    /** Retry and lease settings. */
    public record Settings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease, int batchSize) {
        public static final Settings DEFAULTS = new Settings(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5), 50);

        public Settings {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("maxAttempts and batchSize must be at least 1");
            }
        }
    }

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final String node;
    private final Map<ChannelType, EvidenceDispatcher> dispatchers = new EnumMap<>(ChannelType.class);
    private final EventPublisher publisher;
    private final EamsStatusWriter eams;
    private final Settings settings;
    private final CanonicalEventReader events = new CanonicalEventReader();

    public OutboxDelivery(DataSource dataSource, AuditTrail audit, Clock clock, String node, List<EvidenceDispatcher> dispatchers,
                          EventPublisher publisher, EamsStatusWriter eams, Settings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        for (EvidenceDispatcher dispatcher : dispatchers) {
            if (this.dispatchers.put(dispatcher.channelType(), dispatcher) != null) {
                throw new IllegalArgumentException("two dispatchers for channel " + dispatcher.channelType());
            }
        }
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.eams = Objects.requireNonNull(eams, "eams");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Delivers what is due now; returns how many messages were delivered. */
    public int deliverDue() {
        int delivered = 0;
        int round;
        // a delivered message may release the next one of its case (ordered kinds): go again while that happens
        do {
            round = 0;
            for (String id : dueIds()) {
                if (claim(id) && deliver(id)) {
                    round++;
                }
            }
            delivered += round;
        } while (round > 0 && delivered < MAX_PER_SWEEP);
        return delivered;
    }

    /** Bounds one sweep, so a long backlog does not hold the sweeping thread forever. */
    private static final int MAX_PER_SWEEP = 10_000;

    /** Messages that are not delivered yet or failed for good, oldest first. */
    public List<OutboxMessage> undelivered() {
        List<OutboxMessage> messages = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_outbox WHERE state <> 'DELIVERED' ORDER BY created_at, message_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                messages.add(message(rs));
            }
            return messages;
        } catch (SQLException e) {
            throw new StoreException("could not list the outbox", e);
        }
    }

    public List<OutboxMessage> ofCase(String caseId) {
        List<OutboxMessage> messages = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_outbox WHERE case_id = ? ORDER BY created_at, message_id")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    messages.add(message(rs));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new StoreException("could not list the outbox of case " + caseId, e);
        }
    }

    /** Puts a FAILED message back in the queue (audited). */
    public boolean retry(String messageId, String actor, String reason) {
        boolean[] done = {false};
        io.cmohub.routes.store.JdbcTransaction.run(dataSource, "could not retry outbox message " + messageId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, "
                    + "lease_until = NULL WHERE message_id = ? AND state = 'FAILED'")) {
                bindAll(s, now(), messageId);
                done[0] = s.executeUpdate() == 1;
            }
            if (done[0]) {
                audit.record(c, AuditEvent.success(actor, "OUTBOX_RETRY").on(AUDIT_OBJECT, messageId).because(reason));
            }
        });
        return done[0];
    }

    private List<String> dueIds() {
        List<String> ids = new ArrayList<>();
        Instant now = now();
        try (Connection c = dataSource.getConnection();
             // A case's status write-backs and events go out in the order they were written: a retried "under
             // investigation" must not overtake, and then overwrite, the "closed" written after it. An older one still
             // pending or failed (awaiting an operator's retry) holds the later ones back. Notices go to different
             // people and need no such order.
             PreparedStatement s = c.prepareStatement("SELECT m.message_id FROM coordination_outbox m WHERE m.state = 'PENDING' AND m.next_attempt_at <= ? "
                     + "AND (m.lease_until IS NULL OR m.lease_until < ?) AND (m.kind = 'NOTICE' OR NOT EXISTS (SELECT 1 FROM coordination_outbox o "
                     + "WHERE o.case_id = m.case_id AND o.kind = m.kind AND o.state IN ('PENDING', 'FAILED') AND o.created_at < m.created_at)) "
                     + "ORDER BY m.next_attempt_at, m.message_id")) {
            s.setMaxRows(settings.batchSize());
            bindAll(s, now, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("could not read the outbox", e);
        }
    }

    /** Takes the message for this node; false when another node took it first. */
    private boolean claim(String id) {
        Instant now = now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE coordination_outbox SET lease_until = ?, attempts = attempts + 1 WHERE message_id = ? "
                     + "AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")) {
            bindAll(s, now.plus(settings.lease()), id, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            // Another node's concurrent claim can surface as a lock timeout or serialisation failure: it has the message.
            return false;
        }
    }

    private boolean deliver(String id) {
        String kind;
        String payload;
        String caseId;
        int attempts;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, payload, case_id, attempts FROM coordination_outbox WHERE message_id = ?")) {
            bindAll(s, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                kind = rs.getString(1);
                payload = rs.getString(2);
                caseId = rs.getString(3);
                attempts = rs.getInt(4);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read outbox message " + id, e);
        }
        String receipt;
        try {
            receipt = send(OutboxKind.valueOf(kind), payload);
        } catch (DeliveryException e) {
            failed(id, caseId, attempts, e.getMessage(), e.permanent());
            return false;
        } catch (Exception e) {
            failed(id, caseId, attempts, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            return false;
        }
        io.cmohub.routes.store.JdbcTransaction.run(dataSource, "could not mark outbox message " + id + " delivered", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_outbox SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL, "
                    + "last_error = NULL WHERE message_id = ?")) {
                bindAll(s, now(), id);
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success("system:" + node, "DELIVER_" + kind).on(AUDIT_OBJECT, id).because(receipt)
                    .details(caseId == null ? null : "case=" + caseId));
        });
        return true;
    }

    private String send(OutboxKind kind, String payload) throws Exception {
        JsonNode node = Outbox.JSON.readTree(payload);
        switch (kind) {
            case NOTICE -> {
                Notice notice = Outbox.JSON.treeToValue(node.get("notice"), Notice.class);
                Channel channel = Outbox.JSON.treeToValue(node.get("channel"), Channel.class);
                EvidenceDispatcher dispatcher = dispatchers.get(channel.type());
                if (dispatcher == null) {
                    throw new DeliveryException("no dispatcher is configured for channel " + channel.type(), false, null);
                }
                return channel.label() + ": " + dispatcher.deliver(notice, channel);
            }
            case EVENT -> {
                CanonicalEvent event = events.read(node);
                publisher.publish(List.of(event), event.subject());
                return "published " + event.type() + " " + event.id();
            }
            case EAMS -> {
                EamsUpdate update = Outbox.JSON.treeToValue(node, EamsUpdate.class);
                eams.write(update);
                return "EAMS alert " + update.alertId() + " set to " + update.status();
            }
            default -> throw new IllegalStateException("unknown outbox kind " + kind);
        }
    }

    private void failed(String id, String caseId, int attempts, String error, boolean permanent) {
        Instant now = now();
        boolean giveUp = permanent || attempts >= settings.maxAttempts();
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        io.cmohub.routes.store.JdbcTransaction.run(dataSource, "could not record the failure of outbox message " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_outbox SET state = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? "
                    + "WHERE message_id = ?")) {
                bindAll(s, giveUp ? "FAILED" : "PENDING", now.plus(backoff(attempts)), message, id);
                s.executeUpdate();
            }
            if (giveUp) {
                audit.record(c, AuditEvent.failure("system:" + node, "DELIVERY_FAILED").on(AUDIT_OBJECT, id)
                        .because((permanent ? "refused: " : "gave up after " + attempts + " attempts: ") + message)
                        .details(caseId == null ? null : "case=" + caseId));
            }
        });
    }

    private Duration backoff(int attempts) {
        Duration delay = settings.firstBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getString("message_id"), OutboxKind.valueOf(rs.getString("kind")), rs.getString("case_id"), rs.getString("state"),
                rs.getInt("attempts"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "next_attempt_at"),
                SqlValues.instant(rs, "delivered_at"), rs.getString("last_error"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
