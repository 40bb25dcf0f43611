package io.cmohub.coordination.registry;

import io.cmohub.routes.audit.AuditEvent;
import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.model.Batch;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.PackagingRun;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.DeferredAuditTrail;
import io.cmohub.coordination.SqlValues;
import io.cmohub.routes.store.JdbcTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The batch registry: product + batch to CMO, site, line, packaging run, printed batch and expiry,
 * commissioned serials and EU Hub upload status, built from the canonical records the pipeline
 * publishes ({@link Batch}, {@link PackagingRun}, {@link SerialisationEvent} commissioning chunks and
 * their retractions by EPCIS error declarations, {@link UploadRejection}) and from Hub answers
 * ({@link #recordHubState}).
 *
 * <p>Idempotent: applying the same record twice changes nothing and returns false. A batch record
 * older than the one held ({@code updatedAt}) is ignored, so out-of-order delivery cannot roll a
 * batch back. Serial chunks are applied once per (partner, source event, chunk), retractions too, and
 * a commissioning whose retraction came first registers nothing. Every change
 * writes an audit row in the same transaction.
 */
public final class BatchRegistry extends RegisteredBatches {
    public static final String AUDIT_OBJECT = "registry-batch";

    private final DeferredAuditTrail audit;
    private final Clock clock;

    public BatchRegistry(DataSource dataSource, AuditTrail audit, Clock clock) {
        super(dataSource);
        this.audit = new DeferredAuditTrail(audit);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies one canonical record; true when the registry changed. Records the registry does not use are ignored (false). */
    public boolean apply(CanonicalRecord record) {
        return inTransaction("could not " + describe(record), c -> applyIn(c, record));
    }

    /**
     * Applies records in their order in one transaction and returns, per record, whether it changed
     * the registry. A bulk upload's thousands of commissioning chunks then cost one commit (and one
     * lock of the audit chain's head) per group instead of one per chunk. One failing record fails
     * the group: the caller retries the records one by one to find it.
     */
    public List<Boolean> applyAll(List<? extends CanonicalRecord> records) {
        if (records.size() == 1) {
            return List.of(apply(records.get(0)));
        }
        return inTransactionValue("could not register " + records.size() + " records", c -> {
            List<Boolean> changed = new ArrayList<>(records.size());
            for (CanonicalRecord record : records) {
                changed.add(applyIn(c, record));
            }
            return changed;
        });
    }

    private boolean applyIn(Connection c, CanonicalRecord record) throws SQLException {
        if (record instanceof Batch batch) {
            return applyBatch(c, batch);
        }
        if (record instanceof PackagingRun run) {
            return applyRun(c, run);
        }
        if (record instanceof SerialisationEvent event && event.action() == SerialisationAction.COMMISSION) {
            return applyCommissioning(c, event);
        }
        if (record instanceof SerialisationEvent event && event.action() == SerialisationAction.RETRACT) {
            return applyRetraction(c, event);
        }
        if (record instanceof UploadRejection rejection && rejection.product() != null && rejection.batchId() != null) {
            return applyRejection(c, rejection);
        }
        return false;
    }

    private static String describe(CanonicalRecord record) {
        boolean retraction = record instanceof SerialisationEvent event && event.action() == SerialisationAction.RETRACT;
        return (retraction ? "apply retraction of " : "register ") + record.entityType().wireName() + " " + record.businessKey();
    }

    /**
     * Records what the Hub answered for a registered batch (empty: the Hub has no such batch) and
     * returns the new upload status. A rejected upload stays REJECTED until the Hub holds the
     * batch with every commissioned serial. Does nothing for a batch the registry does not hold.
     */
    public Optional<HubUpload> recordHubState(ProductCode product, BatchId batchId, Optional<BatchStateReport> report, String actor) {
        Instant now = now();
        return inTransactionValue("could not record the Hub state of " + product + "/" + batchId, c -> {
            Optional<RegisteredBatch> batch = find(c, product, batchId);
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            RegisteredBatch held = batch.get();
            HubUpload upload = HubUpload.answered(held, report, now);
            if (held.hub().sameState(upload)) {
                return Optional.of(held.hub());
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_batch SET hub_upload_status = ?, hub_uploaded_serials = ?, "
                    + "hub_expiry_printed = ?, hub_markets = ?, hub_checked_at = ?, hub_detail = ?, updated_at = ? WHERE product_code = ? AND batch_id = ?")) {
                bindAll(s, upload.status().name(), upload.uploadedSerials(), upload.expiry() == null ? null : upload.expiry().printed(),
                        markets(upload.markets()), now, upload.detail(), now, product.value(), batchId.value());
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success(actor, "HUB_UPLOAD_STATUS").on(AUDIT_OBJECT, product + "/" + batchId).because(upload.detail())
                    .details("status=" + held.hub().status() + "->" + upload.status()));
            return Optional.of(upload);
        });
    }

    private boolean applyBatch(Connection c, Batch batch) throws SQLException {
        String key = batch.product() + "/" + batch.batchId();
        Optional<RegisteredBatch> held = find(c, batch.product(), batch.batchId());
        Instant now = now();
        if (held.isPresent()) {
            RegisteredBatch h = held.get();
            if (!h.partner().equals(batch.partner())) {
                audit.record(c, AuditEvent.denied("partner:" + batch.partner(), "REGISTER_BATCH").on(AUDIT_OBJECT, key)
                        .because("batch is registered to " + h.partner() + "; a batch record from " + batch.partner() + " does not change it"));
                return false;
            }
            Instant storedAt = storedBatchUpdatedAt(c, batch.product(), batch.batchId());
            if (storedAt != null && batch.updatedAt() != null && batch.updatedAt().isBefore(storedAt)) {
                return false;
            }
            if (Objects.equals(h.status(), batch.status()) && Objects.equals(h.site(), batch.site()) && Objects.equals(h.expiry(), batch.expiry())
                    && h.markets().equals(batch.markets()) && Objects.equals(h.releasedOn(), batch.releasedOn())) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_batch SET site_id = ?, batch_status = ?, expiry_printed = ?, markets = ?, "
                    + "released_on = ?, batch_updated_at = ?, updated_at = ? WHERE product_code = ? AND batch_id = ?")) {
                bindAll(s, batch.site(), batch.status().name(), batch.expiry() == null ? null : batch.expiry().printed(), markets(batch.markets()),
                        batch.releasedOn(), batch.updatedAt(), now, batch.product().value(), batch.batchId().value());
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success("partner:" + batch.partner(), "REGISTER_BATCH").on(AUDIT_OBJECT, key).because("batch record changed")
                    .details("status=" + h.status() + "->" + batch.status() + " expiry=" + h.expiry() + "->" + batch.expiry()));
            return true;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_batch (product_code, batch_id, partner_id, site_id, batch_status, "
                + "expiry_printed, markets, released_on, batch_updated_at, hub_upload_status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, batch.product().value(), batch.batchId().value(), batch.partner().value(), batch.site(), batch.status().name(),
                    batch.expiry() == null ? null : batch.expiry().printed(), markets(batch.markets()), batch.releasedOn(), batch.updatedAt(),
                    HubUploadStatus.NOT_CHECKED.name(), now);
            s.executeUpdate();
        }
        audit.record(c, AuditEvent.success("partner:" + batch.partner(), "REGISTER_BATCH").on(AUDIT_OBJECT, key).because("batch registered")
                .details("status=" + batch.status() + " expiry=" + batch.expiry()));
        return true;
    }

    private boolean applyRun(Connection c, PackagingRun run) throws SQLException {
        Instant now = now();
        ensureBatchRow(c, run.product(), run.batchId(), run.partner(), run.site(), now);
        Long commissioned = run.serialCounts() == null ? null : run.serialCounts().commissioned();
        Object[] values = {run.product().value(), run.batchId().value(), run.site(), run.line().value(),
                run.printedBatchId(), run.printedExpiry() == null ? null : run.printedExpiry().printed(), run.artworkVersion(),
                run.lineClearance() == null ? null : run.lineClearance().passed(), run.lineClearance() == null ? null : run.lineClearance().recordRef(),
                run.startedAt(), run.finishedAt(), commissioned};
        Optional<PackagingRecord> held = run(c, run.partner(), run.runId());
        String key = run.partner() + "/" + run.runId();
        if (held.isPresent()) {
            PackagingRecord h = held.get();
            PackagingRecord incoming = toRecord(run);
            if (h.equals(incoming)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_packaging_run SET product_code = ?, batch_id = ?, site_id = ?, line_id = ?, "
                    + "printed_batch_id = ?, printed_expiry = ?, artwork_version = ?, line_clearance_passed = ?, line_clearance_ref = ?, started_at = ?, "
                    + "finished_at = ?, commissioned_reported = ?, updated_at = ? WHERE partner_id = ? AND run_id = ?")) {
                writeRun(s, values, now, run);
            }
            audit.record(c, AuditEvent.success("partner:" + run.partner(), "REGISTER_RUN").on(AUDIT_OBJECT, run.product() + "/" + run.batchId())
                    .because("packaging run " + key + " changed")
                    .details("printed=" + h.printedBatchId() + "/" + h.printedExpiry() + "->" + incoming.printedBatchId() + "/"
                            + incoming.printedExpiry()));
            return true;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_packaging_run (product_code, batch_id, site_id, line_id, printed_batch_id, "
                + "printed_expiry, artwork_version, line_clearance_passed, line_clearance_ref, started_at, finished_at, commissioned_reported, updated_at, "
                + "partner_id, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            writeRun(s, values, now, run);
        }
        audit.record(c, AuditEvent.success("partner:" + run.partner(), "REGISTER_RUN").on(AUDIT_OBJECT, run.product() + "/" + run.batchId())
                .because("packaging run " + key + " registered")
                .details("line=" + run.line() + " printed=" + run.printedBatchId() + "/" + run.printedExpiry() + " commissioned=" + commissioned));
        return true;
    }

    /** The run's columns, then updated_at and the key (partner, run id): the same order in the INSERT and the UPDATE. */
    private static void writeRun(PreparedStatement s, Object[] values, Instant now, PackagingRun run) throws SQLException {
        Object[] all = Arrays.copyOf(values, values.length + 3);
        all[values.length] = now;
        all[values.length + 1] = run.partner().value();
        all[values.length + 2] = run.runId();
        bindAll(s, all);
        s.executeUpdate();
    }

    private boolean applyCommissioning(Connection c, SerialisationEvent event) throws SQLException {
        int chunk = event.chunk() == null ? 1 : event.chunk().index();
        SerialRetractions.lockEvent(c, event.partner(), event.sourceEventId());
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coordination_serial_chunk WHERE partner_id = ? AND source_event_id = ? AND chunk_index = ?")) {
            bindAll(s, event.partner().value(), event.sourceEventId(), chunk);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Instant now = now();
        if (SerialRetractions.retracted(c, event.partner(), event.sourceEventId())) {
            // its error declaration came first: the event did not happen as recorded, so it registers nothing
            recordChunk(c, event, chunk, 0, now);
            audit.record(c, AuditEvent.success("partner:" + event.partner(), "REGISTER_SERIALS")
                    .on(AUDIT_OBJECT, (event.product() == null ? "?" : event.product().value()) + "/" + (event.batchId() == null ? "?" : event.batchId().value()))
                    .because("commissioning chunk " + chunk + " of " + event.sourceEventId() + " was retracted before it arrived")
                    .details("serials=0"));
            return true;
        }
        // Serials per (product, batch): an event without a product or batch takes them from the EPC; without a batch it cannot be placed.
        Set<EpcSerial> serials = new LinkedHashSet<>();
        int skipped = 0;
        for (String epc : event.epcs()) {
            Optional<EpcSerial> parsed = EpcSerial.parse(epc);
            if (parsed.isPresent() && (event.product() == null || event.product().equals(parsed.get().product()))) {
                serials.add(parsed.get());
            } else {
                skipped++;
            }
        }
        int inserted = 0;
        if (event.batchId() != null && !serials.isEmpty()) {
            Set<ProductCode> products = serials.stream().map(EpcSerial::product).collect(Collectors.toSet());
            for (ProductCode product : products) {
                ensureBatchRow(c, product, event.batchId(), event.partner(), null, now);
            }
            inserted = SerialRegistration.commission(c, event, event.batchId(), serials).inserted();
        } else {
            skipped += serials.size();
        }
        recordChunk(c, event, chunk, inserted, now);
        audit.record(c, AuditEvent.success("partner:" + event.partner(), "REGISTER_SERIALS")
                .on(AUDIT_OBJECT, (event.product() == null ? "?" : event.product().value()) + "/" + (event.batchId() == null ? "?" : event.batchId().value()))
                .because("commissioning chunk " + chunk + " of " + event.sourceEventId())
                .details("serials=" + inserted + " notPlaced=" + skipped + " alreadyHeld="
                        + (event.batchId() == null ? 0 : serials.size() - inserted)));
        return true;
    }

    private static void recordChunk(Connection c, SerialisationEvent event, int chunk, int serials, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_serial_chunk (partner_id, source_event_id, chunk_index, action, serials, "
                + "applied_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            bindAll(s, event.partner().value(), event.sourceEventId(), chunk, event.action().name(), serials, now);
            s.executeUpdate();
        }
    }

    /**
     * An EPCIS error declaration: the event it repeats did not happen as recorded. The serials of this
     * chunk that the same CMO's event registered leave the registry, or pass to another event that
     * commissioned them under the same batch ({@link SerialRetractions}); serials of other events stay.
     * A declaration of an event that registered nothing (an aggregation, a shipment, or a
     * commissioning not received yet) is recorded all the same, so that a late commissioning stays out.
     */
    private boolean applyRetraction(Connection c, SerialisationEvent event) throws SQLException {
        int chunk = event.chunk() == null ? 1 : event.chunk().index();
        SerialRetractions.lockEvent(c, event.partner(), event.sourceEventId());
        if (SerialRetractions.chunkApplied(c, event.partner(), event.sourceEventId(), chunk)) {
            return false;
        }
        Set<EpcSerial> serials = new LinkedHashSet<>();
        for (String epc : event.epcs()) {
            EpcSerial.parse(epc).ifPresent(serials::add);
        }
        SerialRetractions.Outcome outcome = SerialRetractions.retract(c, event, chunk, serials, now());
        audit.record(c, AuditEvent.success("partner:" + event.partner(), "RETRACT_SERIALS")
                .on(AUDIT_OBJECT, outcome.batches().isEmpty() ? "?" : limit(String.join(",", outcome.batches()), 200))
                .because("error declaration of " + event.sourceEventId() + ", chunk " + chunk)
                .details("serialsRemoved=" + outcome.removed() + " handedOver=" + outcome.handedOver() + " listed=" + serials.size()
                        + (outcome.batches().isEmpty() ? " (the event registered none of them)" : "")));
        return true;
    }

    private boolean applyRejection(Connection c, UploadRejection rejection) throws SQLException {
        Optional<RegisteredBatch> held = find(c, rejection.product(), rejection.batchId());
        if (held.isEmpty()) {
            return false;
        }
        Instant now = now();
        String detail = limit(rejection.code() + ": " + rejection.message(), 2000);
        if (held.get().hub().status() == HubUploadStatus.REJECTED && detail.equals(held.get().hub().detail())) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_batch SET hub_upload_status = ?, hub_detail = ?, hub_checked_at = ?, updated_at = ? "
                + "WHERE product_code = ? AND batch_id = ?")) {
            bindAll(s, HubUploadStatus.REJECTED.name(), detail, rejection.rejectedAt(), now,
                    rejection.product().value(), rejection.batchId().value());
            s.executeUpdate();
        }
        audit.record(c, AuditEvent.success("system", "HUB_UPLOAD_STATUS").on(AUDIT_OBJECT, rejection.product() + "/" + rejection.batchId())
                .because("upload " + rejection.uploadRef() + " rejected")
                .details("status=" + held.get().hub().status() + "->REJECTED code=" + rejection.code()));
        return true;
    }

    /** A run or serial event may arrive before its batch record: the row is created for the CMO that packed it. */
    private void ensureBatchRow(Connection c, ProductCode product, BatchId batchId, PartnerId partner, SiteId site, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coordination_batch WHERE product_code = ? AND batch_id = ?")) {
            bindAll(s, product.value(), batchId.value());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_batch (product_code, batch_id, partner_id, site_id, hub_upload_status, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            bindAll(s, product.value(), batchId.value(), partner.value(), site, HubUploadStatus.NOT_CHECKED.name(), now);
            s.executeUpdate();
        }
    }


    private static PackagingRecord toRecord(PackagingRun run) {
        return new PackagingRecord(run.partner(), run.runId(), run.product(), run.batchId(), run.site(), run.line(), run.printedBatchId(),
                run.printedExpiry(), run.artworkVersion(), run.lineClearance() == null ? null : run.lineClearance().passed(),
                run.lineClearance() == null ? null : run.lineClearance().recordRef(), micros(run.startedAt()), micros(run.finishedAt()),
                run.serialCounts() == null ? null : run.serialCounts().commissioned());
    }

    private Instant storedBatchUpdatedAt(Connection c, ProductCode product, BatchId batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT batch_updated_at FROM coordination_batch WHERE product_code = ? AND batch_id = ?")) {
            bindAll(s, product.value(), batchId.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? SqlValues.instant(rs, "batch_updated_at") : null;
            }
        }
    }

    static String markets(java.util.Collection<Market> markets) {
        return markets == null || markets.isEmpty() ? null : markets.stream().map(Market::code).collect(Collectors.joining(","));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    @FunctionalInterface
    private interface Change<T> {
        T apply(Connection c) throws SQLException;
    }

    private boolean inTransaction(String failure, Change<Boolean> change) {
        return inTransactionValue(failure, change);
    }

    private <T> T inTransactionValue(String failure, Change<T> change) {
        List<T> result = new ArrayList<>(1);
        JdbcTransaction.run(dataSource, failure, c -> {
            try {
                result.add(change.apply(c));
                audit.flush(c);
            } finally {
                audit.discard(c);
            }
        });
        return result.get(0);
    }
}
