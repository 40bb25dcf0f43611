package io.cmohub.connector.b2mml;

import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.codes.ProductCodes;
import io.cmohub.connector.quality.OosQualityEvent;

import static io.cmohub.connector.b2mml.V0700Values.text;

import io.cmohub.connector.MappedFields;
import io.cmohub.connector.b2mml.v0700.BatchProductionRecordType;
import io.cmohub.connector.b2mml.v0700.SampleTestResultType;
import io.cmohub.connector.b2mml.v0700.SampleTestType;
import io.cmohub.connector.b2mml.v0700.SampleType;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.Severity;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one BatchML BatchProductionRecord to a {@link Batch} (MaterialDefinitionID, BatchID,
 * RecordStatus, ExpirationDate, LastChangedDate) followed by one {@link QcResult} per
 * Samples/Sample/SampleTest/SampleTestResult, and an OOS quality event after each result out of
 * specification. Any broken rule rejects the whole record: a batch is not reported without its
 * results, nor results without their batch.
 */
final class BatchProductionRecordMapper {
    private final ProductCodes products;
    private final CodeList<BatchStatus> recordStatuses;
    private final SampleTestResultMapper results;
    private final V0700Values values;
    private final Severity oosSeverity;

    BatchProductionRecordMapper(ProductCodes products, CodeList<BatchStatus> recordStatuses, SampleTestResultMapper results, V0700Values values,
                                Severity oosSeverity) {
        this.products = products;
        this.recordStatuses = recordStatuses;
        this.results = results;
        this.values = values;
        this.oosSeverity = oosSeverity;
    }

    /** A marker for MappedFields: the date was written and converted (a value JAXB could not convert is reported by the parser). */
    private static String present(io.cmohub.connector.b2mml.v0700.DateTimeType dateTime) {
        return dateTime == null || dateTime.getValue() == null ? null : dateTime.getValue().toXMLFormat();
    }

    List<CanonicalRecord> map(BatchProductionRecordType record, PartnerId partner, Instant receivedAt, MappedFields fields) {
        ProductCode product = fields.required("MaterialDefinitionID", text(record.getMaterialDefinitionID()), products::resolve);
        BatchId batchId = fields.required("BatchID", text(record.getBatchID()), BatchId::of);
        BatchStatus status = fields.required("RecordStatus", text(record.getRecordStatus()), s -> recordStatuses.require("RecordStatus", s));
        Expiry expiry = fields.optional("ExpirationDate", present(record.getExpirationDate()),
                ignored -> Expiry.of(V0700Values.date(record.getExpirationDate())));
        Instant updatedAt = fields.optional("LastChangedDate", present(record.getLastChangedDate()),
                ignored -> values.instant(record.getLastChangedDate()));
        if (record.getBatchProductionRecord() != null) {
            fields.error("BatchProductionRecord", "a nested BatchProductionRecord is not mapped; send each batch as its own BatchProductionRecord");
        }
        if (product == null || batchId == null) {
            return null; // QC results cannot be checked without their batch; the errors above say why
        }

        List<QcResult> qc = new ArrayList<>();
        if (record.getSamples() != null) {
            List<SampleType> samples = record.getSamples().getSample();
            for (int s = 0; s < samples.size(); s++) {
                SampleType sample = samples.get(s);
                for (int t = 0; t < sample.getSampleTest().size(); t++) {
                    SampleTestType test = sample.getSampleTest().get(t);
                    for (int r = 0; r < test.getSampleTestResult().size(); r++) {
                        SampleTestResultType result = test.getSampleTestResult().get(r);
                        String path = "Samples/Sample[" + (s + 1) + "]/SampleTest[" + (t + 1) + "]/SampleTestResult[" + (r + 1) + "]";
                        // each result gets its own error scope so one bad result does not hide the checks of the next
                        MappedFields resultFields = new MappedFields();
                        QcResult mapped = results.map(partner, product, batchId, sample, test, result, path, resultFields);
                        resultFields.errors().forEach(e -> fields.error(e.field(), e.reason()));
                        if (mapped != null) {
                            qc.add(mapped);
                        }
                    }
                }
            }
        }
        Batch batch = fields.construct("BatchProductionRecord",
                () -> new Batch(product, batchId, status, partner, null, expiry, null, null, null, null, List.of(), updatedAt));
        if (fields.hasErrors()) {
            return null;
        }
        List<CanonicalRecord> out = new ArrayList<>();
        out.add(batch);
        for (QcResult result : qc) {
            out.add(result);
            if (result.outOfSpecification()) {
                LocalDate openedOn = values.day(result.testedAt() != null ? result.testedAt() : receivedAt);
                out.add(OosQualityEvent.of(result, oosSeverity, openedOn));
            }
        }
        return out;
    }
}
