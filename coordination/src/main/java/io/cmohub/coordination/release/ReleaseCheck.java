package io.cmohub.coordination.release;

import io.cmohub.routes.audit.AuditOutcome;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.model.BatchState;
import io.cmohub.model.ProductState;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.registry.PackagingRecord;
import io.cmohub.coordination.registry.RegisteredBatch;
import io.cmohub.model.ReleaseCheckOutcome;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.outbox.Outbox;
import io.cmohub.routes.store.JdbcTransaction;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Pre-release upload gate (DR 2016/161 art. 33: data uploaded before release). Compares the CMO's
 * packaging record, the ERP batch record and the EU Hub's upload:
 * <ol>
 *   <li>the batch is registered with an ERP batch record and at least one packaging run;</li>
 *   <li>the Hub holds the batch, ACTIVE (not recalled, not expired);</li>
 *   <li>serial count: uploaded = commissioned (serialisation events; else the runs' reported
 *       count), and the events agree with the runs' reported count when both exist;</li>
 *   <li>expiry: uploaded = batch record = printed on every run;</li>
 *   <li>batch id: every run printed the batch id itself;</li>
 *   <li>product master per market: every market of the batch record is ACTIVE for the product at
 *       the Hub and included in the batch upload.</li>
 * </ol>
 * The result is audited and the Hub state recorded in the registry. A Hub that cannot be reached
 * makes the gate throw (the caller retries); it never passes a batch it could not check.
 */
public final class ReleaseCheck {
    private final BatchRegistry registry;
    private final EuHubGateway hub;
    private final AuditTrail audit;
    private final Clock clock;

    private final DataSource dataSource;
    private final URI eventSource;

    /**
     * @param dataSource  where the verdict is audited and queued for publication, in one transaction
     * @param eventSource CloudEvents source of the published {@link io.cmohub.model.ReleaseCheck}
     */
    public ReleaseCheck(BatchRegistry registry, EuHubGateway hub, AuditTrail audit, Clock clock, DataSource dataSource, URI eventSource) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.eventSource = Objects.requireNonNull(eventSource, "eventSource");
    }

    public ReleaseCheckResult check(ProductCode product, BatchId batchId, String actor) {
        List<String> failures = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        Optional<RegisteredBatch> held = registry.find(product, batchId);
        Optional<BatchStateReport> uploaded = hub.requestBatchState(product, batchId);
        if (held.isEmpty()) {
            failures.add("batch " + batchId + " of " + product + " is not in the batch registry (no batch record, packaging run or serialisation data)");
            return finish(product, batchId, failures, passed, actor);
        }
        registry.recordHubState(product, batchId, uploaded, actor);
        RegisteredBatch batch = held.get();
        if (batch.status() == null) {
            failures.add("no ERP batch record has been received for the batch");
        }
        if (batch.runs().isEmpty()) {
            failures.add("no packaging run has been received for the batch");
        }
        if (uploaded.isEmpty()) {
            failures.add("the EU Hub holds no pack data for the batch: it has not been uploaded");
            return finish(product, batchId, failures, passed, actor);
        }
        BatchStateReport report = uploaded.get();
        if (report.state() == BatchState.ACTIVE) {
            passed.add("the EU Hub holds the batch as ACTIVE");
        } else {
            failures.add("the EU Hub holds the batch as " + report.state() + report.recallDetails().map(r -> " (" + r.reason() + ")").orElse(""));
        }
        serialCount(batch, report, failures, passed);
        expiry(batch, report, failures, passed);
        for (PackagingRecord run : batch.runs()) {
            if (run.printedBatchId() != null && !run.printedBatchId().equals(batchId)) {
                failures.add("packaging run " + run.runId() + " printed batch " + run.printedBatchId() + " instead of " + batchId);
            }
        }
        if (!batch.runs().isEmpty() && batch.runs().stream().allMatch(r -> r.printedBatchId() == null || r.printedBatchId().equals(batchId))) {
            passed.add("every packaging run printed batch " + batchId);
        }
        markets(product, batch, report, failures, passed);
        return finish(product, batchId, failures, passed, actor);
    }

    private static void serialCount(RegisteredBatch batch, BatchStateReport report, List<String> failures, List<String> passed) {
        long events = batch.commissionedSerials();
        var reported = batch.commissionedReported();
        if (events == 0 && reported.isEmpty()) {
            failures.add("no commissioned serial count is known for the batch (no serialisation events, no counts on the packaging runs)");
            return;
        }
        if (events > 0 && reported.isPresent() && reported.getAsLong() != events) {
            failures.add("the packaging runs report " + reported.getAsLong() + " commissioned serials but the serialisation events carry " + events);
        }
        long commissioned = BatchRegistry.commissioned(batch);
        if (report.uploadedSerialCount() == commissioned) {
            passed.add("uploaded serial count " + report.uploadedSerialCount() + " equals the commissioned count");
        } else {
            failures.add("the EU Hub holds " + report.uploadedSerialCount() + " serials but " + commissioned + " were commissioned");
        }
    }

    private static void expiry(RegisteredBatch batch, BatchStateReport report, List<String> failures, List<String> passed) {
        Expiry uploaded = report.expiry();
        boolean ok = true;
        if (batch.expiry() != null && !batch.expiry().printed().equals(uploaded.printed())) {
            failures.add("uploaded expiry " + uploaded + " differs from the batch record's " + batch.expiry());
            ok = false;
        }
        for (PackagingRecord run : batch.runs()) {
            if (run.printedExpiry() != null && !run.printedExpiry().printed().equals(uploaded.printed())) {
                failures.add("packaging run " + run.runId() + " printed expiry " + run.printedExpiry() + " but the upload holds " + uploaded);
                ok = false;
            }
        }
        if (ok) {
            passed.add("expiry " + uploaded + " agrees across upload, batch record and print");
        }
    }

    private void markets(ProductCode product, RegisteredBatch batch, BatchStateReport report, List<String> failures, List<String> passed) {
        if (batch.markets().isEmpty()) {
            failures.add("the batch record names no target market");
            return;
        }
        Optional<ProductStateReport> master = hub.requestProductState(product);
        if (master.isEmpty()) {
            failures.add("the EU Hub holds no product master data for " + product);
            return;
        }
        for (Market market : batch.markets()) {
            Optional<ProductState> state = master.get().stateIn(market);
            if (state.isEmpty()) {
                failures.add("product master data of " + product + " has no market " + market);
            } else if (state.get() != ProductState.ACTIVE) {
                failures.add("product " + product + " is " + state.get() + " in " + market);
            } else if (!report.markets().contains(market)) {
                failures.add("the batch upload does not include market " + market);
            } else {
                passed.add("market " + market + ": product ACTIVE and batch uploaded");
            }
        }
    }

    private static String limit(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "\u2026";
    }

    private ReleaseCheckResult finish(ProductCode product, BatchId batchId, List<String> failures, List<String> passed, String actor) {
        ReleaseCheckResult result = new ReleaseCheckResult(product, batchId, failures.isEmpty() ? ReleaseCheckResult.Outcome.PASS
                : ReleaseCheckResult.Outcome.FAIL, failures, passed, clock.instant());
        PartnerId maker = registry.find(product, batchId).map(RegisteredBatch::partner).orElse(null);
        io.cmohub.model.ReleaseCheck published = new io.cmohub.model.ReleaseCheck(product, batchId, maker,
                result.passes() ? ReleaseCheckOutcome.PASS : ReleaseCheckOutcome.FAIL, failures.stream().map(ReleaseCheck::limit).toList(),
                passed.stream().map(ReleaseCheck::limit).toList(), result.checkedAt());
        // audited and queued for the sponsor's systems (ERP, QA) in one transaction: both or neither
        JdbcTransaction.run(dataSource, "could not record the release check of " + product + "/" + batchId, c -> {
            audit.record(c, AuditEvent.of(result.passes() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, actor, "RELEASE_CHECK")
                    .on(BatchRegistry.AUDIT_OBJECT, product + "/" + batchId)
                    .because(result.outcome() + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)))
                    .details("passed=" + passed.size() + " failed=" + failures.size()));
            Outbox.event(c, CanonicalEvent.of(published, eventSource, maker == null ? null : maker.value(), result.checkedAt()), null, result.checkedAt());
        });
        return result;
    }
}
