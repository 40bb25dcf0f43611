package io.cmohub.coordination.registry;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.AuditVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds the audit rows of a registry transaction until just before it commits. Appending to the
 * audit trail locks the chain's head, which every audited change in the hub needs; a group of a bulk
 * upload's chunks that appended as it went held that lock for the whole group, and alerts, case
 * changes and outbox deliveries waited behind it. Appended at the end, the rows still commit (or
 * vanish) with the change they record, in their order.
 */
final class DeferredAudit implements AuditTrail {
    private final AuditTrail trail;
    private final Map<Connection, List<AuditEvent>> pending = Collections.synchronizedMap(new IdentityHashMap<>());

    DeferredAudit(AuditTrail trail) {
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
    void flush(Connection connection) throws SQLException {
        List<AuditEvent> events = pending.remove(connection);
        if (events != null) {
            for (AuditEvent event : events) {
                trail.record(connection, event);
            }
        }
    }

    /** Forgets what a transaction that did not commit recorded. */
    void discard(Connection connection) {
        pending.remove(connection);
    }

    @Override
    public AuditVerification verify() {
        return trail.verify();
    }
}
