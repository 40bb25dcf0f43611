package io.cmohub.routes.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An audit trail for long transactions: it holds the rows recorded within a transaction until just
 * before that transaction commits ({@link #flush}). Appending to the trail locks the chain's head,
 * which every audited change in the hub needs; the batch registry's group of a bulk upload's chunks,
 * appending as it went, held that lock for the whole group, and alerts, case changes and outbox
 * deliveries waited behind it. Appended at the end, the rows still commit (or vanish) with the change
 * they record, in their order. The caller must call {@link #flush} before its commit and
 * {@link #discard} in any case.
 */
public final class DeferredAuditTrail implements AuditTrail {
    private final AuditTrail trail;
    private final Map<Connection, List<AuditEvent>> pending = Collections.synchronizedMap(new IdentityHashMap<>());

    public DeferredAuditTrail(AuditTrail trail) {
        this.trail = Objects.requireNonNull(trail, "audit");
    }

    @Override
    public void record(AuditEvent event) {
        trail.record(event);
    }

    /** Held for {@link #flush}: the connection is the transaction's. */
    @Override
    public void record(Connection connection, AuditEvent event) {
        pending.computeIfAbsent(connection, c -> new ArrayList<>()).add(event);
    }

    /** Appends what the transaction on {@code connection} recorded; call right before its commit. */
    public void flush(Connection connection) throws SQLException {
        List<AuditEvent> events = pending.remove(connection);
        if (events != null) {
            for (AuditEvent event : events) {
                trail.record(connection, event);
            }
        }
    }

    /** Forgets what a transaction that did not commit recorded. */
    public void discard(Connection connection) {
        pending.remove(connection);
    }

    @Override
    public AuditVerification verify() {
        return trail.verify();
    }
}
