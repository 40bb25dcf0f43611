package io.cmohub.connector.sapidoc;

import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.codes.ProductCodes;

import io.cmohub.connector.MappedFields;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Maps the E1BATMAS segment of a BATMAS IDoc to a {@link Batch}: MATNR → product (through the
 * product-codes table), CHARG → batch, VFDAT → expiry, HSDAT → manufactured on, ZUSTD (batch in
 * restricted use) → status through the batch-status-codes list, the control record's creation time
 * → updatedAt. A batch flagged for deletion (LVORM = X) is refused rather than reported as a status.
 */
final class BatchMasterMapper {
    /** The code used in batch-status-codes for an empty ZUSTD, i.e. unrestricted use. */
    static final String BLANK = "blank";

    private final ProductCodes products;
    private final CodeList<BatchStatus> statuses;

    BatchMasterMapper(ProductCodes products, CodeList<BatchStatus> statuses) {
        this.products = products;
        this.statuses = statuses;
    }

    Batch map(Idoc idoc, PartnerId partner, Instant created, MappedFields fields) {
        if (idoc.batches.size() != 1) {
            fields.error("E1BATMAS", "a BATMAS IDoc carries exactly one E1BATMAS segment, found " + idoc.batches.size());
            return null;
        }
        Idoc.BatchSegment segment = idoc.batches.get(0);
        ProductCode product = fields.required("E1BATMAS/MATNR", segment.matnr, products::resolve);
        BatchId batchId = fields.required("E1BATMAS/CHARG", segment.charg, BatchId::of);
        String restricted = segment.zustd == null || segment.zustd.isBlank() ? BLANK : segment.zustd.strip();
        BatchStatus status = fields.required("E1BATMAS/ZUSTD", restricted, code -> statuses.require("batch status (ZUSTD)", code));
        Expiry expiry = fields.optional("E1BATMAS/VFDAT", SapValues.dateOrNull(segment.vfdat), raw -> Expiry.of(SapValues.date(raw)));
        LocalDate manufacturedOn = fields.optional("E1BATMAS/HSDAT", SapValues.dateOrNull(segment.hsdat), SapValues::date);
        if (segment.lvorm != null && segment.lvorm.strip().equalsIgnoreCase("X")) {
            fields.error("E1BATMAS/LVORM", "batch " + segment.charg + " is flagged for deletion in SAP (LVORM = X); a deletion is not a batch status "
                    + "and is not forwarded");
        }
        return fields.build(() -> new Batch(product, batchId, status, partner, null, expiry, manufacturedOn, null, null, null, List.of(), created));
    }
}
