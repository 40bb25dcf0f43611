package io.cmohub.euhub.soap;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.euhub.soap.contract.EuHubPort;
import io.cmohub.euhub.soap.contract.EuHubService;
import io.cmohub.euhub.soap.contract.HubFault;
import io.cmohub.euhub.soap.contract.PackStatesResponse;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The {@link EuHubGateway} over SOAP, with an Apache CXF client generated from the v1 contract
 * ({@code schemas/emvs/v1/eu-hub.wsdl}). Mutual TLS with the OBP's client certificate, connect and
 * read timeouts, optional validation of every answer against the XSD. It makes exactly one HTTP
 * call per method call (bulk lists above the contract's 1000 are split): retries, the circuit
 * breaker, the rate limit and caching belong to
 * {@link io.cmohub.euhub.resilience.ResilientEuHubGateway}, which is what callers should use.
 *
 * <p>Thread-safe. Build one per Hub endpoint and {@link #close()} it at shutdown.
 */
public final class SoapEuHubGateway implements EuHubGateway {
    /** The v1 contract's maximum of queries in one GetPackStates request. */
    public static final int MAX_PACK_STATES_PER_CALL = 1000;

    /** Business fault codes that mean "no such thing": answered as an empty Optional, not thrown. */
    private static final Set<String> NOT_FOUND_CODES = Set.of("UNKNOWN_PRODUCT", "UNKNOWN_BATCH", "UNKNOWN_UPLOAD");

    private final EuHubPort port;
    private final Client client;
    private final Bus bus;
    private final boolean ownsBus;
    private final SoapFailures failures;

    private SoapEuHubGateway(SoapEndpointSettings settings, Bus bus, boolean ownsBus) {
        this.bus = bus;
        this.ownsBus = ownsBus;
        this.failures = new SoapFailures(settings);
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(EuHubPort.class);
        factory.setWsdlURL(EuHubService.WSDL_LOCATION.toExternalForm());
        factory.setServiceName(EuHubService.SERVICE);
        factory.setEndpointName(EuHubService.EuHubPort);
        factory.setAddress(settings.address().toString());
        if (settings.validateAnswers()) {
            factory.setProperties(new java.util.HashMap<>(java.util.Map.of("schema-validation-enabled", "IN")));
        }
        this.port = factory.create(EuHubPort.class);
        this.client = ClientProxy.getClient(port);
        configureConduit((HTTPConduit) client.getConduit(), settings);
        // one request context per thread: the proxy is shared by every caller
        client.setThreadLocalRequestContext(true);
    }

    /** A client on a bus of its own, shut down by {@link #close()}. */
    public static SoapEuHubGateway connect(SoapEndpointSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Bus bus = BusFactory.newInstance().createBus();
        try {
            return new SoapEuHubGateway(settings, bus, true);
        } catch (RuntimeException e) {
            bus.shutdown(false);
            throw e;
        }
    }

    /** A client on the host's bus (e.g. a Spring application's), which {@link #close()} leaves running. */
    public static SoapEuHubGateway connect(SoapEndpointSettings settings, Bus bus) {
        return new SoapEuHubGateway(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(bus, "bus"), false);
    }

    private static void configureConduit(HTTPConduit conduit, SoapEndpointSettings settings) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(settings.connectTimeout().toMillis());
        policy.setReceiveTimeout(settings.readTimeout().toMillis());
        // small requests: a Content-Length is friendlier to proxies and WCF than chunking
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if (settings.address().getScheme().equalsIgnoreCase("https")) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setDisableCNCheck(false);
            if (settings.clientCertificate() != null) {
                tls.setKeyManagers(TlsMaterial.keyManagers(settings.clientCertificate()));
                tls.setCertAlias(settings.certificateAlias());
            }
            if (settings.trustStore() != null) {
                tls.setTrustManagers(TlsMaterial.trustManagers(settings.trustStore()));
            }
            conduit.setTlsClientParameters(tls);
        }
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        Objects.requireNonNull(query, "query");
        EuHubOperation op = EuHubOperation.GET_PACK_STATE;
        var response = invoke(op, () -> port.getPackState(ContractRequests.packState(query)));
        return new ContractAnswers(op).packStateResult(query, response.getResult(), response.getReportedAt());
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        List<PackStateResult> results = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += MAX_PACK_STATES_PER_CALL) {
            results.addAll(packStatesCall(queries.subList(from, Math.min(from + MAX_PACK_STATES_PER_CALL, queries.size()))));
        }
        return List.copyOf(results);
    }

    private List<PackStateResult> packStatesCall(List<PackQuery> queries) {
        EuHubOperation op = EuHubOperation.GET_PACK_STATES;
        PackStatesResponse response = invoke(op, () -> port.getPackStates(ContractRequests.packStates(queries)));
        if (response.getResult().size() != queries.size()) {
            throw new EuHubProtocolException(op, "EU Hub " + op + " answered " + response.getResult().size() + " results for "
                    + queries.size() + " queries", null);
        }
        ContractAnswers answers = new ContractAnswers(op);
        List<PackStateResult> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            results.add(answers.packStateResult(queries.get(i), response.getResult().get(i), response.getReportedAt()));
        }
        return results;
    }

    @Override
    public Optional<BatchStateReport> requestBatchState(ProductCode product, BatchId batchId) {
        EuHubOperation op = EuHubOperation.GET_BATCH_STATE;
        return invokeFindable(op, () -> port.getBatchState(ContractRequests.batchState(product, batchId)))
                .map(r -> new ContractAnswers(op).batch(r.getBatch(), r.getReportedAt()));
    }

    @Override
    public Optional<ProductStateReport> requestProductState(ProductCode product) {
        EuHubOperation op = EuHubOperation.GET_PRODUCT_STATE;
        return invokeFindable(op, () -> port.getProductState(ContractRequests.productState(product)))
                .map(r -> new ContractAnswers(op).product(r.getProduct(), r.getReportedAt()));
    }

    @Override
    public Optional<UploadStatus> requestUploadStatus(String uploadRef) {
        EuHubOperation op = EuHubOperation.GET_UPLOAD_STATUS;
        if (uploadRef == null || uploadRef.isBlank() || uploadRef.length() > 128) {
            throw new IllegalArgumentException("uploadRef must be 1-128 characters");
        }
        return invokeFindable(op, () -> port.getUploadStatus(ContractRequests.uploadStatus(uploadRef)))
                .map(r -> new ContractAnswers(op).upload(r.getUpload(), r.getReportedAt()));
    }

    @Override
    public void close() {
        client.destroy();
        if (ownsBus) {
            bus.shutdown(false);
        }
    }

    @FunctionalInterface
    private interface HubCall<T> {
        T call() throws HubFault;
    }

    private <T> Optional<T> invokeFindable(EuHubOperation op, HubCall<T> call) {
        try {
            return Optional.of(invoke(op, call));
        } catch (io.cmohub.euhub.EuHubFaultException e) {
            if (NOT_FOUND_CODES.contains(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> T invoke(EuHubOperation op, HubCall<T> call) {
        T answer;
        try {
            answer = call.call();
        } catch (HubFault fault) {
            throw failures.fault(op, fault);
        } catch (EuHubException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failures.failure(op, e);
        }
        if (answer == null) {
            throw new EuHubProtocolException(op, "EU Hub " + op + " answered an empty body", null);
        }
        return answer;
    }
}
