package io.cmohub.coordination.registry;

import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * One batch as the registry knows it from ingested data: the CMO and site from the batch record
 * (null status and expiry until a Batch record arrived), its packaging runs, the serials the CMO
 * commissioned (counted from serialisation events), and the EU Hub upload status.
 */
public record RegisteredBatch(ProductCode product, BatchId batchId, PartnerId partner, SiteId site, BatchStatus status, Expiry expiry,
                              List<Market> markets, LocalDate releasedOn, List<PackagingRecord> runs, long commissionedSerials,
                              HubUpload hub) {
    public RegisteredBatch {
        markets = markets == null ? List.of() : List.copyOf(markets);
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** Serials the packaging runs say they commissioned, if any run said. */
    public OptionalLong commissionedReported() {
        long sum = 0;
        boolean any = false;
        for (PackagingRecord run : runs) {
            if (run.commissionedReported() != null) {
                sum += run.commissionedReported();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }
}
