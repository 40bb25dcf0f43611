package io.cmohub.coordination.alert;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.model.Alert;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.JdbcTime;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where every alert channel ends: deduplicates a notice against the alerts the hub holds, records
 * the channel as a source, and publishes the canonical {@link Alert} (or, for A16/I1, an
 * {@link UploadRejection}) on the canonical topic.
 *
 * <p><b>One alert, many channels.</b> A notice is the same alert as a stored one when a channel
 * reported that alert id with the same code, or when code, scanned product code, scanned serial and
 * market are equal and the raise times lie within the match window. The canonical alert keeps the
 * first channel's report (its {@code source} is that channel); later channels are recorded as
 * sources (visible through {@link JdbcAlertRegistry#find}) and publish nothing, unless they change
 * the alert's lifecycle: a different EAMS status (no status counts as NEW, the state of every
 * freshly raised alert) or different investigation statuses. Then the alert is re-published as a
 * new version with the same business key (the alert id) and a new content-derived event id.
 *
 * <p><b>Nothing lost, nothing doubled</b> (the document pipeline's pattern): the registry rows,
 * the ledger row of the event and the audit row are written in one database transaction that
 * commits only after the broker committed the event. A failure before that commit rolls everything
 * back and the call throws, so the channel re-delivers (SOAP Server fault, HTTP 503, the EAMS poll
 * or the mail is retried); a crash between the two commits re-publishes the same event id, which
 * Artemis duplicate detection drops. Concurrent deliveries of one alert serialise on row locks.
 */
public final class AlertIntake {
    /** CloudEvents source of everything alert intake publishes. */
    public static final URI SOURCE = URI.create("/cmohub/alert-intake");
    /** The ledger's document column for events published here (the ledger is shared with the document pipeline). */
    static final String LEDGER_ORIGIN = "alert-intake";

    private final DataSource dataSource;
    private final JdbcAlertRegistry registry;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final Duration matchWindow;

    /** @param matchWindow how far apart the raise times of two notices without a common id may be and still be one alert */
    public AlertIntake(DataSource dataSource, JdbcAlertRegistry registry, EventPublisher publisher, AuditTrail audit, Duration matchWindow) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.publisher = publisher;
        this.audit = audit;
        this.matchWindow = Objects.requireNonNull(matchWindow, "matchWindow");
    }

    /**
     * Files one notice. Idempotent: delivering the same notice again returns {@link IntakeOutcome#DUPLICATE}.
     *
     * @throws MalformedAlertException the notice's values are refused by the model (quarantine it)
     * @throws AlertIntakeException    the database or the broker failed; nothing was recorded, deliver again later
     */
    public IntakeResult receive(AlertNotice notice) throws MalformedAlertException {
        Instant receivedAt = JdbcTime.now();
        if (notice.isUploadRejection()) {
            UploadRejection rejection;
            try {
                rejection = notice.toUploadRejection();
            } catch (InvalidValueException | NullPointerException e) {
                throw new MalformedAlertException("the upload rejection " + notice.code() + " is invalid: " + e.getMessage(), e);
            }
            return inTransaction(c -> receiveRejection(c, notice, rejection));
        }
        Alert alert;
        try {
            alert = notice.toAlert();
        } catch (InvalidValueException e) {
            throw new MalformedAlertException("the alert is invalid: " + e.getMessage(), e);
        }
        try {
            return inTransaction(c -> receiveAlert(c, notice, alert, receivedAt));
        } catch (ConflictingCode e) {
            throw new MalformedAlertException(e.getMessage(), e);
        }
    }

    /** A known alert id reported with another code: the notice is wrong (quarantined), not the hub (which must keep going). */
    private static final class ConflictingCode extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConflictingCode(String message) {
            super(message);
        }
    }

    private IntakeResult receiveAlert(Connection c, AlertNotice notice, Alert incoming, Instant receivedAt) throws Exception {
        Optional<String> matchKey = JdbcAlertRegistry.matchKey(incoming);
        // Always id first, then match key: a fixed order, so two deliveries cannot wait on each other.
        registry.lock(c, "id\u0000" + incoming.alertId());
        if (matchKey.isPresent()) {
            registry.lock(c, "match\u0000" + matchKey.get());
        }
        Optional<String> knownCode = registry.codeOf(c, incoming.alertId());
        if (knownCode.isPresent() && !knownCode.get().equalsIgnoreCase(incoming.code().value())) {
            throw new ConflictingCode("alert " + incoming.alertId() + " is known with code " + knownCode.get() + ", but this notice says "
                    + incoming.code().value());
        }
        Optional<JdbcAlertRegistry.Row> existing = registry.findBySourceRef(c, incoming.alertId(), incoming.code().value());
        if (existing.isEmpty() && matchKey.isPresent()) {
            existing = registry.findByMatch(c, matchKey.get(), incoming.raisedAt(), matchWindow);
        }
        String channel = notice.channel().name();
        if (existing.isEmpty()) {
            registry.insert(c, incoming, receivedAt);
            registry.addSource(c, incoming.alertId(), notice.channel(), incoming.alertId(), receivedAt, notice.rawSha256());
            String eventId = publishOnce(c, incoming, receivedAt);
            if (eventId != null) {
                registry.published(c, incoming.alertId(), eventId);
            }
            audit.record(c, AuditEvent.success("system", "ALERT_RECEIVE").on("alert", incoming.alertId())
                    .details("channel=" + channel + " code=" + incoming.code() + (incoming.code().known() ? "" : " unknownCode=true")
                            + (incoming.market() == null ? "" : " market=" + incoming.market().code()) + " event=" + eventId));
            return new IntakeResult(IntakeOutcome.ACCEPTED, incoming.alertId(), eventId);
        }
        JdbcAlertRegistry.Row row = existing.get();
        boolean newSource = !registry.hasSource(c, row.alertId(), notice.channel(), incoming.alertId());
        if (newSource) {
            registry.addSource(c, row.alertId(), notice.channel(), incoming.alertId(), receivedAt, notice.rawSha256());
        }
        Alert merged = withLifecycleOf(row.alert(), incoming);
        boolean changed = lifecycleChanged(row.alert(), merged);
        String eventId = null;
        if (changed) {
            registry.update(c, merged, row.version() + 1, receivedAt);
            eventId = publishOnce(c, merged, receivedAt);
            if (eventId != null) {
                registry.published(c, row.alertId(), eventId);
            }
        }
        IntakeOutcome outcome = changed ? IntakeOutcome.UPDATED : newSource ? IntakeOutcome.MERGED : IntakeOutcome.DUPLICATE;
        if (outcome != IntakeOutcome.DUPLICATE) {
            audit.record(c, AuditEvent.success("system", changed ? "ALERT_UPDATE" : "ALERT_MERGE").on("alert", row.alertId())
                    .details("channel=" + channel + " sourceRef=" + incoming.alertId() + (changed ? " version=" + (row.version() + 1) + " eamsStatus="
                            + merged.eamsStatus() + " event=" + eventId : "")));
        }
        return new IntakeResult(outcome, row.alertId(), eventId);
    }

    private IntakeResult receiveRejection(Connection c, AlertNotice notice, UploadRejection rejection) throws Exception {
        String eventId = publishOnce(c, rejection, rejection.rejectedAt());
        if (eventId == null) {
            return new IntakeResult(IntakeOutcome.DUPLICATE, rejection.uploadRef(), null);
        }
        audit.record(c, AuditEvent.success("system", "UPLOAD_REJECTION_RECEIVE").on("upload", rejection.uploadRef()).because(rejection.code())
                .details("channel=" + notice.channel().name() + " notice=" + notice.alertId() + " event=" + eventId));
        return new IntakeResult(IntakeOutcome.UPLOAD_REJECTION, rejection.uploadRef(), eventId);
    }

    /**
     * The stored alert with the incoming notice's lifecycle: a notice that carries an EAMS status
     * (the EAMS, or a national tool that knows it) sets status and investigations; others leave them.
     */
    static Alert withLifecycleOf(Alert stored, Alert incoming) {
        if (incoming.eamsStatus() == null && incoming.investigations().isEmpty()) {
            return stored;
        }
        EamsStatus status = incoming.eamsStatus() != null ? incoming.eamsStatus() : stored.eamsStatus();
        return new Alert(stored.alertId(), stored.code(), stored.nmvsReturnCode(), stored.market(), stored.scanned(), stored.raisedAt(), stored.source(),
                status, incoming.eamsStatus() != null ? incoming.investigations() : stored.investigations(), stored.message(), stored.endUserLocation());
    }

    static boolean lifecycleChanged(Alert before, Alert after) {
        return effective(before.eamsStatus()) != effective(after.eamsStatus())
                || !new java.util.HashSet<>(before.investigations()).equals(new java.util.HashSet<>(after.investigations()));
    }

    private static EamsStatus effective(EamsStatus status) {
        return status == null ? EamsStatus.NEW : status;
    }

    /**
     * Claims the event id in the ledger on the caller's connection and publishes it; null when the
     * ledger already has it (the same content was published before). The broker commits inside
     * this call; the caller's commit follows.
     */
    private String publishOnce(Connection c, CanonicalRecord record, Instant fallbackTime) throws Exception {
        CanonicalEvent event = CanonicalEvent.of(record, SOURCE, null, fallbackTime);
        Savepoint before = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO published_event (event_id, document_id, published_at) VALUES (?, ?, ?)")) {
            s.setString(1, event.id());
            s.setString(2, LEDGER_ORIGIN);
            s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            if (!JdbcAlertRegistry.isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(before);
            return null;
        }
        publisher.publish(List.of(event), null);
        return event.id();
    }

    @FunctionalInterface
    private interface Work {
        IntakeResult run(Connection c) throws Exception;
    }

    private IntakeResult inTransaction(Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                IntakeResult result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (AlertIntakeException | ConflictingCode e) {
            throw e;
        } catch (Exception e) {
            throw new AlertIntakeException("the alert could not be stored and published; nothing was recorded: " + e.getMessage(), e);
        }
    }
}
