package io.cmohub.coordination.cases;

import io.cmohub.model.Alert;
import io.cmohub.model.Attribution;
import io.cmohub.model.AttributionOutcome;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.coordination.reconcile.Finding;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.coordination.registry.PackagingRecord;
import io.cmohub.coordination.registry.RegisteredBatch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Traces an alert to the CMO, site, line and packaging run that made the pack, in this order: the
 * scanned batch in the registry; the batch under which a CMO commissioned the scanned serial; the
 * batch under which the EU Hub holds the serial (the reconciliation asked). The packaging run's CMO
 * wins over the batch record's, because alerts are about what was printed and serialised. When no
 * batch is found the product decides: made by a registered CMO means UNKNOWN_BATCH, made by none
 * means NOT_CMO_PRODUCED; either way with the reason.
 */
public final class Attributor {
    private final RegisteredBatches registry;

    public Attributor(RegisteredBatches registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Attribution attribute(Alert alert, Optional<Reconciliation> reconciliation) {
        String rawProduct = alert.scanned() == null ? null : alert.scanned().productCode();
        String rawBatch = alert.scanned() == null ? null : alert.scanned().batchId();
        String rawSerial = alert.scanned() == null ? null : alert.scanned().serial();
        ProductCode product = parse(() -> ProductCode.parse(rawProduct), rawProduct);
        if (product == null) {
            return new Attribution(AttributionOutcome.UNKNOWN_BATCH, null, null, null, null,
                    "the scanned product code '" + rawProduct + "' is not a valid GTIN or PPN");
        }
        BatchId batch = parse(() -> BatchId.of(rawBatch), rawBatch);
        if (batch != null) {
            Optional<RegisteredBatch> held = registry.find(product, batch);
            if (held.isPresent()) {
                return attributed(held.get(), batch, "batch " + batch + " of " + product + " is in the batch registry");
            }
        }
        SerialNumber serial = parse(() -> SerialNumber.of(rawSerial), rawSerial);
        if (serial != null) {
            List<BatchId> commissioned = registry.batchesHoldingSerial(product, serial);
            if (commissioned.size() == 1) {
                Optional<RegisteredBatch> held = registry.find(product, commissioned.get(0));
                if (held.isPresent()) {
                    return attributed(held.get(), batch, "serial " + serial + " was commissioned under batch " + commissioned.get(0));
                }
            }
        }
        Optional<String> hubBatch = reconciliation.stream().flatMap(r -> r.findings().stream()).filter(f -> f.code().equals("HUB_PACK_BATCH"))
                .map(Finding::facts).map(f -> f.get("hubBatch")).filter(Objects::nonNull).findFirst();
        BatchId hubBatchId = hubBatch.map(raw -> parse(() -> BatchId.of(raw), raw)).orElse(null);
        if (hubBatchId != null) {
            // a batch id the model refuses must not fail the alert (and block the queue with redeliveries): it is just not in the registry
            Optional<RegisteredBatch> held = registry.find(product, hubBatchId);
            if (held.isPresent()) {
                return attributed(held.get(), batch, "the EU Hub holds serial " + rawSerial + " under batch " + hubBatch.get() + ", which is in the registry");
            }
        }
        Set<PartnerId> makers = registry.partnersMaking(product);
        if (makers.isEmpty()) {
            return new Attribution(AttributionOutcome.NOT_CMO_PRODUCED, null, null, null, null,
                    "no CMO is registered for product " + product + " (no batch in the registry, no partner authorised for it)");
        }
        return new Attribution(AttributionOutcome.UNKNOWN_BATCH, null, null, null, null,
                "product " + product + " is made by " + makers + " but batch '" + rawBatch + "' is not in the batch registry");
    }

    private static Attribution attributed(RegisteredBatch held, BatchId scannedBatch, String why) {
        List<PackagingRecord> runs = held.runs();
        Optional<PackagingRecord> run = runs.stream().filter(r -> scannedBatch != null && r.batchOnPack().equals(scannedBatch)).findFirst()
                .or(() -> runs.stream().findFirst());
        if (run.isPresent()) {
            PackagingRecord r = run.get();
            String more = runs.size() > 1 ? " (" + runs.size() + " runs; " + r.runId() + " matches the printed batch or is the first)" : "";
            return new Attribution(AttributionOutcome.ATTRIBUTED, r.partner(), r.site() != null ? r.site() : held.site(), r.line(), r.runId(),
                    why + "; packed by " + r.partner() + " in run " + r.runId() + " on line " + r.line() + more);
        }
        return new Attribution(AttributionOutcome.ATTRIBUTED, held.partner(), held.site(), null, null, why + "; made by " + held.partner()
                + " (no packaging run registered)");
    }

    private static <T> T parse(java.util.function.Supplier<T> parse, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
