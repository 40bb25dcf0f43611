package io.cmohub.euhub.simulator;

import io.cmohub.euhub.soap.contract.BatchStateRequest;
import io.cmohub.euhub.soap.contract.BatchStateResponse;
import io.cmohub.euhub.soap.contract.BatchStateType;
import io.cmohub.euhub.soap.contract.BatchType;
import io.cmohub.euhub.soap.contract.CodingSchemeType;
import io.cmohub.euhub.soap.contract.EuHubPort;
import io.cmohub.euhub.soap.contract.FaultCategoryType;
import io.cmohub.euhub.soap.contract.HubFault;
import io.cmohub.euhub.soap.contract.HubFaultDetail;
import io.cmohub.euhub.soap.contract.MarketStateType;
import io.cmohub.euhub.soap.contract.PackOutcomeType;
import io.cmohub.euhub.soap.contract.PackQueryType;
import io.cmohub.euhub.soap.contract.PackStateRequest;
import io.cmohub.euhub.soap.contract.PackStateResponse;
import io.cmohub.euhub.soap.contract.PackStateResultType;
import io.cmohub.euhub.soap.contract.PackStatesRequest;
import io.cmohub.euhub.soap.contract.PackStatesResponse;
import io.cmohub.euhub.soap.contract.PackStatusType;
import io.cmohub.euhub.soap.contract.PackType;
import io.cmohub.euhub.soap.contract.ProductStateRequest;
import io.cmohub.euhub.soap.contract.ProductStateResponse;
import io.cmohub.euhub.soap.contract.ProductStateType;
import io.cmohub.euhub.soap.contract.ProductType;
import io.cmohub.euhub.soap.contract.RecallType;
import io.cmohub.euhub.soap.contract.RejectionType;
import io.cmohub.euhub.soap.contract.UploadKindType;
import io.cmohub.euhub.soap.contract.UploadStateType;
import io.cmohub.euhub.soap.contract.UploadStatusRequest;
import io.cmohub.euhub.soap.contract.UploadStatusResponse;
import io.cmohub.euhub.soap.contract.UploadType;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import jakarta.jws.WebService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The simulated EU Hub: answers the v1 contract from the seeded tables. It behaves as the contract
 * promises a Hub does: unknown things are BUSINESS faults (or pack outcomes), an invalid request
 * is a REQUEST fault, and a database failure is a TRANSIENT fault SERVICE_UNAVAILABLE. Batch
 * EXPIRED is computed against the simulator's clock, so the data set does not age into a different
 * story.
 */
@WebService(
        serviceName = "EuHubService",
        portName = "EuHubPort",
        targetNamespace = "https://cmohub.io/schemas/emvs/v1",
        endpointInterface = "io.cmohub.euhub.soap.contract.EuHubPort",
        wsdlLocation = "classpath:schemas/emvs/v1/eu-hub.wsdl")
public class EuHubSimulatorService implements EuHubPort {
    private static final int MAX_BULK = 1000;

    private final SimulatedHubData data;
    private final Clock clock;
    private final DatatypeFactory xmlTimes;

    public EuHubSimulatorService(DataSource dataSource, Clock clock) {
        this.data = new SimulatedHubData(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.xmlTimes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }

    @Override
    public PackStateResponse getPackState(PackStateRequest request) throws HubFault {
        PackStateResponse response = new PackStateResponse();
        response.setResult(answer(required(request == null ? null : request.getQuery(), "query"), data));
        response.setReportedAt(xml(clock.instant()));
        return response;
    }

    @Override
    public PackStatesResponse getPackStates(PackStatesRequest request) throws HubFault {
        List<PackQueryType> queries = required(request, "request").getQuery();
        if (queries.isEmpty() || queries.size() > MAX_BULK) {
            throw fault("INVALID_REQUEST", FaultCategoryType.REQUEST, "a bulk request holds 1 to " + MAX_BULK + " queries, not " + queries.size());
        }
        PackStatesResponse response = new PackStatesResponse();
        try {
            data.inOneConnection(bound -> {
                for (PackQueryType query : queries) {
                    response.getResult().add(answer(query, bound));
                }
                return null;
            });
        } catch (SimulatedHubData.SimulatorDataException e) {
            throw unavailable(e);
        }
        response.setReportedAt(xml(clock.instant()));
        return response;
    }

    private PackStateResultType answer(PackQueryType query, SimulatedHubData data) throws HubFault {
        String product = productCode(query.getProductCode());
        String serial = valid(() -> SerialNumber.of(query.getSerialNumber()).value());
        String market = query.getMarket() == null ? null : valid(() -> Market.of(query.getMarket()).code());
        PackStateResultType result = new PackStateResultType();
        result.setQuery(query);
        try {
            if (data.product(product).isEmpty()) {
                return outcome(result, PackOutcomeType.UNKNOWN_PRODUCT, "no master data for product " + product);
            }
            Optional<SimulatedHubData.Pack> found = data.pack(product, serial);
            if (found.isEmpty()) {
                return outcome(result, PackOutcomeType.UNKNOWN_SERIAL, "serial " + serial + " was not uploaded for product " + product);
            }
            SimulatedHubData.Pack pack = found.get();
            SimulatedHubData.Batch batch = data.batch(product, pack.batchId()).orElseThrow();
            ProductStateType productState = null;
            if (market != null) {
                Optional<SimulatedHubData.ProductMarket> inMarket = data.productMarkets(product).stream()
                        .filter(m -> m.market().equals(market)).findFirst();
                if (inMarket.isEmpty() || !batch.markets().contains(market)) {
                    return outcome(result, PackOutcomeType.NOT_IN_MARKET, "batch " + batch.batchId() + " of product " + product
                            + " was not uploaded for market " + market);
                }
                productState = inMarket.get().withdrawnAt() == null ? ProductStateType.ACTIVE : ProductStateType.WITHDRAWN;
            }
            PackType packType = new PackType();
            packType.setProductCode(product);
            packType.setSerialNumber(serial);
            packType.setBatchId(pack.batchId());
            packType.setExpiry(batch.expiry());
            packType.setMarket(market);
            packType.setState(PackStatusType.valueOf(pack.state()));
            packType.setBatchState(batchState(batch));
            packType.setProductState(productState);
            packType.setStateChangedAt(pack.stateChangedAt() == null ? null : xml(pack.stateChangedAt()));
            packType.setDecommissionLocation(pack.decommissionLocation());
            result.setOutcome(PackOutcomeType.FOUND);
            result.setPack(packType);
            return result;
        } catch (SimulatedHubData.SimulatorDataException e) {
            throw unavailable(e);
        }
    }

    @Override
    public BatchStateResponse getBatchState(BatchStateRequest request) throws HubFault {
        required(request, "request");
        String product = productCode(request.getProductCode());
        String batchId = valid(() -> BatchId.of(request.getBatchId()).value());
        try {
            if (data.product(product).isEmpty()) {
                throw fault("UNKNOWN_PRODUCT", FaultCategoryType.BUSINESS, "no master data for product " + product);
            }
            SimulatedHubData.Batch batch = data.batch(product, batchId)
                    .orElseThrow(() -> fault("UNKNOWN_BATCH", FaultCategoryType.BUSINESS,
                            "batch " + batchId + " of product " + product + " was not uploaded"));
            BatchType type = new BatchType();
            type.setProductCode(product);
            type.setBatchId(batchId);
            type.setExpiry(batch.expiry());
            type.setState(batchState(batch));
            if (batch.recall() != null) {
                RecallType recall = new RecallType();
                recall.setReason(batch.recall().reason());
                recall.setRecalledAt(xml(batch.recall().recalledAt()));
                type.setRecall(recall);
            }
            type.setUploadedSerialCount(batch.packCount());
            type.getMarket().addAll(batch.markets());
            BatchStateResponse response = new BatchStateResponse();
            response.setBatch(type);
            response.setReportedAt(xml(clock.instant()));
            return response;
        } catch (SimulatedHubData.SimulatorDataException e) {
            throw unavailable(e);
        }
    }

    @Override
    public ProductStateResponse getProductState(ProductStateRequest request) throws HubFault {
        required(request, "request");
        String productCode = productCode(request.getProductCode());
        String market = request.getMarket() == null ? null : valid(() -> Market.of(request.getMarket()).code());
        try {
            SimulatedHubData.Product product = data.product(productCode)
                    .orElseThrow(() -> fault("UNKNOWN_PRODUCT", FaultCategoryType.BUSINESS, "no master data for product " + productCode));
            ProductType type = new ProductType();
            type.setProductCode(productCode);
            type.setCodingScheme(CodingSchemeType.valueOf(product.codingScheme()));
            type.setName(product.name());
            type.setCommonName(product.commonName());
            for (SimulatedHubData.ProductMarket m : data.productMarkets(productCode)) {
                if (market != null && !market.equals(m.market())) {
                    continue;
                }
                MarketStateType state = new MarketStateType();
                state.setMarket(m.market());
                state.setState(m.withdrawnAt() == null ? ProductStateType.ACTIVE : ProductStateType.WITHDRAWN);
                state.setNationalCode(m.nationalCode());
                state.setWithdrawnAt(m.withdrawnAt() == null ? null : xml(m.withdrawnAt()));
                type.getMarketState().add(state);
            }
            ProductStateResponse response = new ProductStateResponse();
            response.setProduct(type);
            response.setReportedAt(xml(clock.instant()));
            return response;
        } catch (SimulatedHubData.SimulatorDataException e) {
            throw unavailable(e);
        }
    }

    @Override
    public UploadStatusResponse getUploadStatus(UploadStatusRequest request) throws HubFault {
        String uploadRef = required(request, "request").getUploadRef();
        if (uploadRef == null || uploadRef.isBlank() || uploadRef.length() > 128) {
            throw fault("INVALID_REQUEST", FaultCategoryType.REQUEST, "uploadRef must be 1-128 characters");
        }
        try {
            SimulatedHubData.Upload upload = data.upload(uploadRef)
                    .orElseThrow(() -> fault("UNKNOWN_UPLOAD", FaultCategoryType.BUSINESS, "no upload with reference " + uploadRef));
            UploadType type = new UploadType();
            type.setUploadRef(upload.uploadRef());
            type.setKind(UploadKindType.valueOf(upload.kind()));
            type.setState(UploadStateType.valueOf(upload.state()));
            type.setProductCode(upload.productCode());
            type.setBatchId(upload.batchId());
            type.setReceivedAt(xml(upload.receivedAt()));
            type.setCompletedAt(upload.completedAt() == null ? null : xml(upload.completedAt()));
            for (SimulatedHubData.Rejection r : upload.rejections()) {
                RejectionType rejection = new RejectionType();
                rejection.setCode(r.code());
                rejection.setMessage(r.message());
                rejection.setField(r.field());
                rejection.setMarket(r.market());
                type.getRejection().add(rejection);
            }
            UploadStatusResponse response = new UploadStatusResponse();
            response.setUpload(type);
            response.setReportedAt(xml(clock.instant()));
            return response;
        } catch (SimulatedHubData.SimulatorDataException e) {
            throw unavailable(e);
        }
    }

    private BatchStateType batchState(SimulatedHubData.Batch batch) {
        if (batch.recall() != null) {
            return BatchStateType.RECALLED;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Expiry.parse(batch.expiry()).date().isBefore(today) ? BatchStateType.EXPIRED : BatchStateType.ACTIVE;
    }

    private static PackStateResultType outcome(PackStateResultType result, PackOutcomeType outcome, String message) {
        result.setOutcome(outcome);
        result.setMessage(message);
        return result;
    }

    private static String productCode(String value) throws HubFault {
        return valid(() -> ProductCode.of(value).value());
    }

    @FunctionalInterface
    private interface Validation {
        String get();
    }

    /** The request passed the XSD patterns but a value type refuses it (e.g. a GTIN check digit). */
    private static String valid(Validation validation) throws HubFault {
        try {
            return validation.get();
        } catch (InvalidValueException | NullPointerException e) {
            throw fault("INVALID_REQUEST", FaultCategoryType.REQUEST, String.valueOf(e.getMessage()));
        }
    }

    private static <T> T required(T value, String what) throws HubFault {
        if (value == null) {
            throw fault("INVALID_REQUEST", FaultCategoryType.REQUEST, what + " is missing");
        }
        return value;
    }

    private static HubFault unavailable(SimulatedHubData.SimulatorDataException e) {
        return fault("SERVICE_UNAVAILABLE", FaultCategoryType.TRANSIENT, "the simulated Hub's database is unavailable");
    }

    static HubFault fault(String code, FaultCategoryType category, String message) {
        HubFaultDetail detail = new HubFaultDetail();
        detail.setCode(code);
        detail.setCategory(category);
        detail.setMessage(message.length() > 2000 ? message.substring(0, 2000) : message);
        return new HubFault(code + ": " + message, detail);
    }

    private XMLGregorianCalendar xml(Instant instant) {
        return xmlTimes.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }
}
