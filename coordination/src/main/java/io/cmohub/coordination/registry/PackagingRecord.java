package io.cmohub.coordination.registry;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.time.Instant;

/**
 * A packaging run as the registry keeps it: what the line printed (batch and expiry as the printer
 * got them) and how many serials the CMO says it commissioned. {@code commissionedReported} is
 * null when the run carried no serial counts.
 */
public record PackagingRecord(PartnerId partner, String runId, ProductCode product, BatchId batchId, SiteId site, LineId line,
                              BatchId printedBatchId, Expiry printedExpiry, String artworkVersion, Boolean lineClearancePassed,
                              String lineClearanceRef, Instant startedAt, Instant finishedAt, Long commissionedReported) {

    /** The batch the packs carry: the printed one when the run says, else the batch record's. */
    public BatchId batchOnPack() {
        return printedBatchId != null ? printedBatchId : batchId;
    }
}
