package io.cmohub.euhub.soap;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.MarketState;
import io.cmohub.euhub.PackOutcome;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.Recall;
import io.cmohub.euhub.UploadKind;
import io.cmohub.euhub.UploadState;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.euhub.soap.contract.BatchType;
import io.cmohub.euhub.soap.contract.MarketStateType;
import io.cmohub.euhub.soap.contract.PackQueryType;
import io.cmohub.euhub.soap.contract.PackStateResultType;
import io.cmohub.euhub.soap.contract.PackType;
import io.cmohub.euhub.soap.contract.ProductType;
import io.cmohub.euhub.soap.contract.RejectionType;
import io.cmohub.euhub.soap.contract.UploadType;
import io.cmohub.model.BatchState;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStatus;
import io.cmohub.model.ProductState;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Turns the contract's answer objects into the gateway's records. Every value goes through the
 * canonical model's value types, so an answer the model would refuse (a GTIN with a wrong check
 * digit, an impossible expiry) becomes an {@link EuHubProtocolException} naming the operation,
 * instead of a half-valid record further down the pipeline.
 */
final class ContractAnswers {
    private final EuHubOperation operation;

    ContractAnswers(EuHubOperation operation) {
        this.operation = operation;
    }

    PackStateResult packStateResult(PackQuery asked, PackStateResultType answer, XMLGregorianCalendar reportedAt) {
        return checked(() -> {
            PackQueryType echoed = answer.getQuery();
            if (echoed == null || !asked.product().value().equals(echoed.getProductCode())
                    || !asked.serial().value().equals(echoed.getSerialNumber())) {
                throw new EuHubProtocolException(operation, "EU Hub " + operation + " answered for another pack than " + asked, null);
            }
            PackOutcome outcome = PackOutcome.valueOf(required(answer.getOutcome(), "outcome").name());
            PackType pack = answer.getPack();
            if (outcome == PackOutcome.FOUND) {
                return PackStateResult.found(asked, packState(asked, required(pack, "pack"), instant(reportedAt, "reportedAt")));
            }
            return new PackStateResult(asked, outcome, null, answer.getMessage());
        });
    }

    private PackState packState(PackQuery asked, PackType pack, Instant reportedAt) {
        if (!asked.product().value().equals(pack.getProductCode()) || !asked.serial().value().equals(pack.getSerialNumber())) {
            throw new EuHubProtocolException(operation, "EU Hub " + operation + " answered with pack " + pack.getProductCode() + "/"
                    + pack.getSerialNumber() + " for " + asked, null);
        }
        return new PackState(
                ProductCode.of(pack.getProductCode()),
                SerialNumber.of(pack.getSerialNumber()),
                BatchId.of(pack.getBatchId()),
                Expiry.parse(pack.getExpiry()),
                market(pack.getMarket()),
                PackStatus.valueOf(required(pack.getState(), "state").name()),
                BatchState.valueOf(required(pack.getBatchState(), "batchState").name()),
                pack.getProductState() == null ? null : ProductState.valueOf(pack.getProductState().name()),
                optionalInstant(pack.getStateChangedAt(), "stateChangedAt"),
                pack.getDecommissionLocation(),
                reportedAt);
    }

    BatchStateReport batch(BatchType batch, XMLGregorianCalendar reportedAt) {
        return checked(() -> {
            Set<Market> markets = new LinkedHashSet<>();
            batch.getMarket().forEach(m -> markets.add(Market.of(m)));
            Recall recall = batch.getRecall() == null ? null
                    : new Recall(batch.getRecall().getReason(), instant(batch.getRecall().getRecalledAt(), "recalledAt"));
            return new BatchStateReport(
                    ProductCode.of(batch.getProductCode()),
                    BatchId.of(batch.getBatchId()),
                    Expiry.parse(batch.getExpiry()),
                    BatchState.valueOf(required(batch.getState(), "state").name()),
                    recall,
                    batch.getUploadedSerialCount(),
                    markets,
                    instant(reportedAt, "reportedAt"));
        });
    }

    ProductStateReport product(ProductType product, XMLGregorianCalendar reportedAt) {
        return checked(() -> {
            List<MarketState> markets = product.getMarketState().stream().map(this::marketState).toList();
            return new ProductStateReport(ProductCode.of(product.getProductCode()), product.getName(), product.getCommonName(),
                    markets, instant(reportedAt, "reportedAt"));
        });
    }

    private MarketState marketState(MarketStateType m) {
        return new MarketState(Market.of(m.getMarket()), ProductState.valueOf(required(m.getState(), "state").name()),
                m.getNationalCode(), optionalInstant(m.getWithdrawnAt(), "withdrawnAt"));
    }

    UploadStatus upload(UploadType upload, XMLGregorianCalendar reportedAtXml) {
        return checked(() -> {
            Instant reportedAt = instant(reportedAtXml, "reportedAt");
            Instant completedAt = optionalInstant(upload.getCompletedAt(), "completedAt");
            ProductCode product = upload.getProductCode() == null ? null : ProductCode.of(upload.getProductCode());
            BatchId batchId = upload.getBatchId() == null ? null : BatchId.of(upload.getBatchId());
            // the Hub gives no time per rejection; the upload's completion is when it was rejected
            Instant rejectedAt = completedAt != null ? completedAt : reportedAt;
            List<UploadRejection> rejections = upload.getRejection().stream()
                    .map(r -> rejection(upload.getUploadRef(), r, product, batchId, rejectedAt))
                    .toList();
            return new UploadStatus(upload.getUploadRef(),
                    UploadKind.valueOf(required(upload.getKind(), "kind").name()),
                    UploadState.valueOf(required(upload.getState(), "state").name()),
                    product, batchId, instant(upload.getReceivedAt(), "receivedAt"), completedAt, rejections, reportedAt);
        });
    }

    private static UploadRejection rejection(String uploadRef, RejectionType r, ProductCode product, BatchId batchId, Instant at) {
        return new UploadRejection(uploadRef, r.getCode(), r.getMessage(), r.getField(), product, batchId, market(r.getMarket()), at);
    }

    private static Market market(String code) {
        return code == null ? null : Market.of(code);
    }

    private <T> T required(T value, String field) {
        if (value == null) {
            throw new EuHubProtocolException(operation, "EU Hub " + operation + " answer lacks the required " + field, null);
        }
        return value;
    }

    private Instant instant(XMLGregorianCalendar value, String field) {
        XMLGregorianCalendar present = required(value, field);
        if (present.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            // without an offset the instant would depend on this JVM's time zone
            throw new EuHubProtocolException(operation, "EU Hub " + operation + " answered " + field + " " + present
                    + " without a time zone", null);
        }
        return present.toGregorianCalendar().toInstant();
    }

    private Instant optionalInstant(XMLGregorianCalendar value, String field) {
        return value == null ? null : instant(value, field);
    }

    private <T> T checked(Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            // InvalidValueException (a value type's refusal) is an IllegalArgumentException; records refuse nulls with NPE
            throw new EuHubProtocolException(operation, "EU Hub " + operation + " answered a value the model refuses: " + e.getMessage(), e);
        }
    }
}
