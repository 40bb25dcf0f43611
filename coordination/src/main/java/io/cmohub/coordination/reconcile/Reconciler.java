package io.cmohub.coordination.reconcile;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackOutcome;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.model.Alert;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStatus;
import io.cmohub.model.ReconciliationVerdict;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.coordination.registry.PackagingRecord;
import io.cmohub.coordination.registry.RegisteredBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares what the EU Hub holds for an alerted pack and its batch with the CMO's packaging record
 * (printed batch and expiry, commissioned serials) and with what the end user scanned, and reads a
 * verdict from the differences:
 *
 * <ul>
 *   <li>A52: printed expiry differs from the uploaded one. The batch record decides which side is
 *       wrong: record = upload means the line printed something else (CMO print error); record =
 *       print means the upload is wrong. Print = upload but scan differs: end-user scan error.</li>
 *   <li>A68: the Hub holds the serial under another batch. The CMO's commissioning data says under
 *       which batch the serial was made: the scanned one means the upload is wrong, the Hub's one
 *       means the pack carries the wrong batch (print error, confirmed when the run of the Hub's batch
 *       printed the scanned batch). A scanned batch nobody knows, or one differing only in case, is
 *       a scan error.</li>
 *   <li>A3: a serial the CMO commissioned but the Hub does not know is an upload error; a scanned
 *       serial that is not a valid serial at all (too long: a lost group separator) a scan error.</li>
 *   <li>A2: a batch the CMO made but the Hub does not hold, or holds without a market the batch record
 *       names, is an upload error.</li>
 *   <li>A24/A7: the same serial commissioned under two batches is a CMO serialisation (print)
 *       error; a pack the Hub shows as already decommissioned points at the end user.</li>
 * </ul>
 * Anything else is INCONCLUSIVE, with the facts gathered. A Hub that cannot be reached gives
 * INCONCLUSIVE with a HUB_UNAVAILABLE finding; the case can be reconciled again later.
 */
public final class Reconciler {
    private final EuHubGateway hub;
    private final RegisteredBatches registry;
    private final Clock clock;

    public Reconciler(EuHubGateway hub, RegisteredBatches registry, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What was scanned, as far as it parses into the model's value types. */
    private record Scan(ProductCode product, SerialNumber serial, BatchId batch, Expiry expiry, String rawSerial, String rawBatch, String rawExpiry) {
    }

    public Reconciliation reconcile(Alert alert) {
        List<Finding> findings = new ArrayList<>();
        Scan scan = parse(alert.scanned(), findings);
        try {
            return switch (alert.code().value()) {
                case "A52" -> expiryMismatch(alert, scan, findings);
                case "A68" -> batchMismatch(alert, scan, findings);
                case "A3" -> unknownSerial(alert, scan, findings);
                case "A2" -> batchNotFound(alert, scan, findings);
                case "A24", "A7" -> stateChange(alert, scan, findings);
                default -> verdict(ReconciliationVerdict.INCONCLUSIVE, "alert code " + alert.code() + " has no reconciliation rule", findings);
            };
        } catch (EuHubException e) {
            findings.add(Finding.of("HUB_UNAVAILABLE", "the EU Hub could not be asked: " + e.getMessage(), "operation", String.valueOf(e.operation())));
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the EU Hub could not be asked; reconcile again later", findings);
        }
    }

    private Reconciliation expiryMismatch(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null || scan.batch() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scan names no usable product and batch", findings);
        }
        Optional<PackState> pack = packState(alert, scan, findings);
        BatchId batchId = pack.map(PackState::batchId).filter(Objects::nonNull).orElse(scan.batch());
        Optional<BatchStateReport> hubBatch = hub.requestBatchState(scan.product(), batchId);
        Expiry uploaded = hubBatch.map(BatchStateReport::expiry).orElse(pack.map(PackState::expiry).orElse(null));
        Optional<RegisteredBatch> held = registry.find(scan.product(), batchId);
        Expiry record = held.map(RegisteredBatch::expiry).orElse(null);
        Expiry printed = printedExpiry(held, findings);
        if (scan.rawExpiry() != null) {
            findings.add(Finding.of("SCANNED_EXPIRY", "the end user scanned expiry " + scan.rawExpiry(), "scanned", scan.rawExpiry()));
        }
        if (uploaded == null) {
            findings.add(Finding.of("HUB_BATCH_MISSING", "the EU Hub holds no batch " + batchId, "batch", batchId.value()));
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the EU Hub holds no expiry to compare with", findings);
        }
        if (printed == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "no packaging record says which expiry was printed", findings);
        }
        findings.add(Finding.of("PRINTED_VS_UPLOADED_EXPIRY", "the line printed " + printed + ", the EU Hub holds " + uploaded
                        + (record == null ? "" : ", the batch record says " + record), "printed", printed.printed(), "uploaded", uploaded.printed(),
                "batchRecord", record == null ? null : record.printed()));
        if (!printed.printed().equals(uploaded.printed())) {
            if (printed.date().equals(uploaded.date())) {
                findings.add(Finding.of("EXPIRY_NOTATION", "printed " + printed + " and uploaded " + uploaded + " are the same date written differently "
                        + "(day 00 against the last day of the month)", "date", printed.date().toString()));
            }
            if (record != null && record.printed().equals(uploaded.printed())) {
                return verdict(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR, "the line printed expiry " + printed + " while the batch record and the upload say "
                        + uploaded, findings);
            }
            if (record != null && record.printed().equals(printed.printed())) {
                return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the upload holds expiry " + uploaded + " while the batch record and the print say "
                        + printed, findings);
            }
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "printed " + printed + " and uploaded " + uploaded + " differ and "
                    + (record == null ? "no batch record" : "the batch record (" + record + ")") + " does not say which is right", findings);
        }
        if (scan.rawExpiry() != null && !scan.rawExpiry().equals(printed.printed())) {
            return verdict(ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR, "print and upload agree on " + printed + "; the scan read " + scan.rawExpiry(),
                    findings);
        }
        return verdict(ReconciliationVerdict.INCONCLUSIVE, "print, upload and scan agree on " + printed + "; the mismatch cannot be reproduced", findings);
    }

    private Reconciliation batchMismatch(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null || scan.serial() == null || scan.rawBatch() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scan names no usable product, serial and batch", findings);
        }
        Optional<PackState> pack = packState(alert, scan, findings);
        if (pack.isEmpty() || pack.get().batchId() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the EU Hub does not hold the serial under any batch", findings);
        }
        BatchId hubBatch = pack.get().batchId();
        findings.add(Finding.of("HUB_PACK_BATCH", "the EU Hub holds serial " + scan.serial() + " under batch " + hubBatch + "; the scan read " + scan.rawBatch(),
                "hubBatch", hubBatch.value(), "scannedBatch", scan.rawBatch()));
        if (hubBatch.value().equals(scan.rawBatch())) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scanned batch is the one the EU Hub holds; the mismatch cannot be reproduced", findings);
        }
        if (hubBatch.value().equalsIgnoreCase(scan.rawBatch())) {
            findings.add(Finding.of("BATCH_CASE_DIFFERS", "the scanned batch differs from the Hub's only in letter case", "scannedBatch", scan.rawBatch()));
            return verdict(ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR, "the scanner changed the letter case of batch " + hubBatch, findings);
        }
        List<BatchId> commissionedUnder = registry.batchesHoldingSerial(scan.product(), scan.serial());
        if (!commissionedUnder.isEmpty()) {
            findings.add(Finding.of("SERIAL_COMMISSIONED_UNDER", "the CMO commissioned serial " + scan.serial() + " under " + commissionedUnder,
                    "batches", commissionedUnder.stream().map(BatchId::value).collect(Collectors.joining(","))));
        }
        Optional<PackagingRecord> runPrintingScanned = registry.find(scan.product(), hubBatch).stream().flatMap(b -> b.runs().stream())
                .filter(r -> r.printedBatchId() != null && r.printedBatchId().value().equals(scan.rawBatch())).findFirst();
        runPrintingScanned.ifPresent(r -> findings.add(Finding.of("PRINTED_BATCH", "packaging run " + r.runId() + " of batch " + hubBatch + " printed batch "
                + r.printedBatchId() + " on line " + r.line(), "run", r.runId(), "line", r.line().value(), "printedBatch", r.printedBatchId().value())));
        if (commissionedUnder.size() > 1) {
            findings.add(Finding.of("DUPLICATE_SERIAL", "serial " + scan.serial() + " was commissioned under more than one batch", "batches",
                    commissionedUnder.stream().map(BatchId::value).collect(Collectors.joining(","))));
            return verdict(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR, "the CMO commissioned the same serial under several batches", findings);
        }
        if (commissionedUnder.size() == 1 && scan.batch() != null && commissionedUnder.get(0).equals(scan.batch())) {
            return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the CMO commissioned the serial under the printed batch " + scan.batch()
                    + " but the upload put it under " + hubBatch, findings);
        }
        if (runPrintingScanned.isPresent() || commissionedUnder.size() == 1 && commissionedUnder.get(0).equals(hubBatch) && knownBatch(scan)) {
            return verdict(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR, "the serial belongs to batch " + hubBatch + " but the pack carries batch "
                    + scan.rawBatch(), findings);
        }
        if (!knownBatch(scan)) {
            return verdict(ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR, "neither the CMO nor the EU Hub knows a batch " + scan.rawBatch() + " of "
                    + scan.product(), findings);
        }
        return verdict(ReconciliationVerdict.INCONCLUSIVE, "the CMO's records do not say under which batch the serial was commissioned", findings);
    }

    private Reconciliation unknownSerial(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scan names no usable product", findings);
        }
        if (scan.serial() == null) {
            return verdict(ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR, "the scanned serial '" + scan.rawSerial() + "' is not a valid serial number "
                    + "(a lost group separator merges the next field into it)", findings);
        }
        PackStateResult result = hub.requestPackState(new PackQuery(scan.product(), scan.serial(), alert.market()));
        findings.add(Finding.of("HUB_PACK_STATE", "the EU Hub answers " + result.outcome() + " for serial " + scan.serial(), "outcome", result.outcome().name()));
        List<BatchId> commissionedUnder = registry.batchesHoldingSerial(scan.product(), scan.serial());
        if (!commissionedUnder.isEmpty()) {
            findings.add(Finding.of("SERIAL_COMMISSIONED_UNDER", "the CMO commissioned serial " + scan.serial() + " under " + commissionedUnder,
                    "batches", commissionedUnder.stream().map(BatchId::value).collect(Collectors.joining(","))));
        }
        if (result.found()) {
            return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the EU Hub knows the serial now: it was uploaded after the pack was scanned", findings);
        }
        Optional<RegisteredBatch> batch = scan.batch() == null ? Optional.empty() : registry.find(scan.product(), scan.batch());
        if (!commissionedUnder.isEmpty()) {
            uploadCompleteness(scan.product(), commissionedUnder.get(0), findings);
            return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the CMO commissioned the serial but the EU Hub does not know it", findings);
        }
        if (batch.isPresent() && batch.get().commissionedSerials() > 0) {
            findings.add(Finding.of("SERIAL_NEVER_COMMISSIONED", "batch " + scan.batch() + " has " + batch.get().commissionedSerials()
                    + " commissioned serials and this is not one of them; rule out a falsified pack", "batch", scan.batch().value()));
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "neither the CMO nor the EU Hub knows the serial", findings);
        }
        if (batch.isPresent() && uploadCompleteness(scan.product(), scan.batch(), findings)) {
            return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the EU Hub holds fewer serials for the batch than the CMO commissioned", findings);
        }
        return verdict(ReconciliationVerdict.INCONCLUSIVE, "no serial-level record shows whether the CMO commissioned the serial", findings);
    }

    private Reconciliation batchNotFound(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null || scan.batch() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scan names no usable product and batch", findings);
        }
        Optional<BatchStateReport> hubBatch = hub.requestBatchState(scan.product(), scan.batch());
        Optional<RegisteredBatch> held = registry.find(scan.product(), scan.batch());
        if (hubBatch.isEmpty()) {
            findings.add(Finding.of("HUB_BATCH_MISSING", "the EU Hub holds no batch " + scan.batch() + " of " + scan.product(), "batch", scan.batch().value()));
            if (held.isPresent()) {
                return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the CMO made batch " + scan.batch() + " but it was never uploaded", findings);
            }
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "neither the CMO nor the EU Hub knows batch " + scan.batch(), findings);
        }
        Market market = alert.market();
        if (market != null && !hubBatch.get().markets().contains(market)) {
            boolean intended = held.map(b -> b.markets().contains(market)).orElse(false);
            findings.add(Finding.of("MARKET_NOT_UPLOADED", "batch " + scan.batch() + " is uploaded for " + hubBatch.get().markets() + ", not for " + market
                    + (held.isPresent() ? "; the batch record names " + held.get().markets() : ""), "market", market.code(), "intended", Boolean.toString(intended)));
            if (intended) {
                return verdict(ReconciliationVerdict.LIKELY_UPLOAD_ERROR, "the batch record releases the batch for " + market
                        + " but the upload left that market out", findings);
            }
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the batch was not meant for " + market + "; find out how the pack got there", findings);
        }
        return verdict(ReconciliationVerdict.INCONCLUSIVE, "the EU Hub holds batch " + scan.batch() + (market == null ? "" : " for " + market)
                + "; the alert cannot be reproduced", findings);
    }

    private Reconciliation stateChange(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null || scan.serial() == null) {
            return verdict(ReconciliationVerdict.INCONCLUSIVE, "the scan names no usable product and serial", findings);
        }
        List<BatchId> commissionedUnder = registry.batchesHoldingSerial(scan.product(), scan.serial());
        if (commissionedUnder.size() > 1) {
            findings.add(Finding.of("DUPLICATE_SERIAL", "serial " + scan.serial() + " was commissioned under more than one batch", "batches",
                    commissionedUnder.stream().map(BatchId::value).collect(Collectors.joining(","))));
            return verdict(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR, "two packs may carry the same unique identifier", findings);
        }
        Optional<PackState> pack = packState(alert, scan, findings);
        if (pack.isPresent() && pack.get().state() != PackStatus.ACTIVE) {
            findings.add(Finding.of("HUB_PACK_STATE", "the EU Hub shows the pack " + pack.get().state() + " since " + pack.get().stateChangedAt()
                    + (pack.get().decommissionLocation() == null ? "" : " at " + pack.get().decommissionLocation()), "state", pack.get().state().name(),
                    "since", String.valueOf(pack.get().stateChangedAt()), "location", pack.get().decommissionLocation()));
            return verdict(ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR, "the pack was already " + pack.get().state() + "; the end user repeated a "
                    + "state change", findings);
        }
        return verdict(ReconciliationVerdict.INCONCLUSIVE, "no duplicate identifier and no earlier state change found", findings);
    }

    private Optional<PackState> packState(Alert alert, Scan scan, List<Finding> findings) {
        if (scan.product() == null || scan.serial() == null) {
            return Optional.empty();
        }
        PackStateResult result = hub.requestPackState(new PackQuery(scan.product(), scan.serial(), alert.market()));
        if (result.outcome() == PackOutcome.NOT_IN_MARKET) {
            // The pack exists, its batch is not uploaded for the market: ask without a market to learn the batch.
            result = hub.requestPackState(PackQuery.of(scan.product(), scan.serial()));
        }
        if (!result.found()) {
            findings.add(Finding.of("HUB_PACK_STATE", "the EU Hub answers " + result.outcome() + " for serial " + scan.serial(), "outcome",
                    result.outcome().name()));
        }
        return result.packState();
    }

    private Expiry printedExpiry(Optional<RegisteredBatch> held, List<Finding> findings) {
        if (held.isEmpty() || held.get().runs().isEmpty()) {
            findings.add(Finding.of("NO_PACKAGING_RECORD", "the registry holds no packaging run for the batch"));
            return null;
        }
        List<Expiry> printed = held.get().runs().stream().map(PackagingRecord::printedExpiry).filter(Objects::nonNull).distinct().toList();
        if (printed.isEmpty()) {
            findings.add(Finding.of("NO_PACKAGING_RECORD", "the packaging runs of the batch do not say which expiry they printed"));
            return null;
        }
        if (printed.size() > 1) {
            findings.add(Finding.of("PRINTED_EXPIRY_VARIES", "the runs of the batch printed different expiries: " + printed, "printed",
                    printed.stream().map(Expiry::printed).collect(Collectors.joining(","))));
        }
        return printed.get(0);
    }

    /** Adds the completeness finding; true when the Hub holds fewer serials than the CMO commissioned. */
    private boolean uploadCompleteness(ProductCode product, BatchId batchId, List<Finding> findings) {
        Optional<RegisteredBatch> held = registry.find(product, batchId);
        Optional<BatchStateReport> hubBatch = hub.requestBatchState(product, batchId);
        if (held.isEmpty() || hubBatch.isEmpty()) {
            return false;
        }
        long commissioned = RegisteredBatches.commissioned(held.get());
        long uploaded = hubBatch.get().uploadedSerialCount();
        findings.add(Finding.of("UPLOAD_COMPLETENESS", "the EU Hub holds " + uploaded + " serials of batch " + batchId + ", the CMO commissioned " + commissioned,
                "uploaded", Long.toString(uploaded), "commissioned", Long.toString(commissioned)));
        return uploaded < commissioned;
    }

    private boolean knownBatch(Scan scan) {
        return scan.batch() != null && (registry.find(scan.product(), scan.batch()).isPresent()
                || hub.requestBatchState(scan.product(), scan.batch()).isPresent());
    }

    private static Scan parse(ScannedIdentifiers scanned, List<Finding> findings) {
        if (scanned == null) {
            findings.add(Finding.of("SCAN_NOT_PARSEABLE", "the alert carries no scanned identifiers"));
            return new Scan(null, null, null, null, null, null, null);
        }
        ProductCode product = value(() -> ProductCode.parse(scanned.productCode()), "product code", scanned.productCode(), findings);
        SerialNumber serial = value(() -> SerialNumber.of(scanned.serial()), "serial", scanned.serial(), findings);
        BatchId batch = value(() -> BatchId.of(scanned.batchId()), "batch", scanned.batchId(), findings);
        Expiry expiry = value(() -> Expiry.parse(scanned.expiry()), "expiry", scanned.expiry(), findings);
        return new Scan(product, serial, batch, expiry, scanned.serial(), scanned.batchId(), scanned.expiry());
    }

    private static <T> T value(java.util.function.Supplier<T> parse, String what, String raw, List<Finding> findings) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            findings.add(Finding.of("SCAN_NOT_PARSEABLE", "the scanned " + what + " '" + raw + "' is not valid: " + e.getMessage(), "field", what, "scanned", raw));
            return null;
        }
    }

    private Reconciliation verdict(ReconciliationVerdict verdict, String reason, List<Finding> findings) {
        return new Reconciliation(verdict, reason, findings, clock.instant());
    }
}
