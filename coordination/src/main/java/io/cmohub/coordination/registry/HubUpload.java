package io.cmohub.coordination.registry;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The EU Hub side of a registered batch, as last checked: status, uploaded serials, expiry and markets the Hub holds. */
public record HubUpload(HubUploadStatus status, Long uploadedSerials, Expiry expiry, Set<Market> markets, Instant checkedAt, String detail) {
    public HubUpload {
        markets = markets == null ? Set.of() : Set.copyOf(markets);
    }

    /**
     * What the Hub's answer for {@code held} means (empty: the Hub has no such batch). A rejected
     * upload stays REJECTED until the Hub holds the batch with every commissioned serial.
     */
    static HubUpload answered(RegisteredBatch held, Optional<BatchStateReport> report, Instant now) {
        if (report.isEmpty()) {
            return new HubUpload(held.hub().status() == HubUploadStatus.REJECTED ? HubUploadStatus.REJECTED : HubUploadStatus.NOT_UPLOADED,
                    null, null, Set.of(), now, "the EU Hub holds no batch " + held.batchId() + " of " + held.product());
        }
        BatchStateReport r = report.get();
        long commissioned = RegisteredBatches.commissioned(held);
        HubUploadStatus status = r.uploadedSerialCount() == commissioned ? HubUploadStatus.UPLOADED : HubUploadStatus.INCOMPLETE;
        return new HubUpload(status, r.uploadedSerialCount(), r.expiry(), r.markets(), now,
                "EU Hub holds " + r.uploadedSerialCount() + " serials, the CMO commissioned " + commissioned + "; Hub batch state " + r.state());
    }

    /** The same Hub state, whenever it was checked. */
    boolean sameState(HubUpload other) {
        return status == other.status && Objects.equals(uploadedSerials, other.uploadedSerials) && Objects.equals(expiry, other.expiry)
                && markets.equals(other.markets);
    }

    public static HubUpload notChecked() {
        return new HubUpload(HubUploadStatus.NOT_CHECKED, null, null, Set.of(), null, null);
    }
}
