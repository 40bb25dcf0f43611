package io.cmohub.euhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.MarketState;
import io.cmohub.euhub.PackOutcome;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.UploadKind;
import io.cmohub.euhub.UploadState;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.model.BatchState;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStatus;
import io.cmohub.model.ProductState;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract test: the real CXF client (behind the resilience decorator, as callers use it)
 * against the simulator over HTTP, on the seed data set. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EuHubContractTest {
    static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    static final ProductCode CARDIOZOL = ProductCode.of(SeedData.CARDIOZOL);
    static final ProductCode RESPIFLAM = ProductCode.of(SeedData.RESPIFLAM);
    static final ProductCode DERMOCORT = ProductCode.of(SeedData.DERMOCORT);
    static final ProductCode NEURODYN = ProductCode.of(SeedData.NEURODYN);

    private EuHubSimulatorServer simulator;
    private EuHubGateway hub;

    abstract DataSource database();

    @BeforeAll
    void start() {
        simulator = EuHubSimulatorServer.builder().dataSource(database()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        hub = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address())))
                .cache(CachePolicy.OFF)
                .build();
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void anActivePackIsFoundWithItsBatchExpiryAndStates() {
        PackStateResult result = hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, "DE"));

        assertThat(result.outcome()).isEqualTo(PackOutcome.FOUND);
        PackState pack = result.state();
        assertThat(pack.batchId()).isEqualTo(BatchId.of("CZ24001"));
        assertThat(pack.expiry()).isEqualTo(Expiry.parse("310600"));
        assertThat(pack.expiry().date()).hasToString("2031-06-30");
        assertThat(pack.market()).isEqualTo(Market.of("DE"));
        assertThat(pack.state()).isEqualTo(PackStatus.ACTIVE);
        assertThat(pack.batchState()).isEqualTo(BatchState.ACTIVE);
        assertThat(pack.productState()).isEqualTo(ProductState.ACTIVE);
        assertThat(pack.stateChangedAt()).isNull();
        assertThat(pack.reportedAt()).isEqualTo(NOW);
    }

    @Test
    void aDecommissionedPackCarriesWhenAndWhereForTheUndoWindow_theA7Scenario() {
        PackState pack = hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.A7_SUPPLIED_PACK, null)).state();

        assertThat(pack.state()).isEqualTo(PackStatus.SUPPLIED);
        assertThat(pack.stateChangedAt()).isEqualTo(Instant.parse("2024-10-03T09:12:00Z"));
        assertThat(pack.decommissionLocation()).isEqualTo("DE pharmacy Apotheke am Markt, Koeln");
        assertThat(pack.market()).isNull();
        assertThat(pack.productState()).as("no market asked, no product state").isNull();
    }

    @Test
    void everyDecommissionedStateOfTheModelIsInTheDataSet() {
        List<PackQuery> queries = SeedData.CZ24001_PACKS.stream().map(s -> PackQuery.of(SeedData.CARDIOZOL, s, null)).toList();

        List<PackStatus> states = hub.requestPackStates(queries).stream().map(r -> r.state().state()).toList();

        assertThat(states).containsAll(List.of(PackStatus.values()));
    }

    @Test
    void aPackOfABatchNotUploadedForTheMarketIsNotInMarket_theA2Scenario() {
        PackStateResult result = hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.A2_PACK_OF_DE_ONLY_BATCH, "FR"));

        assertThat(result.outcome()).isEqualTo(PackOutcome.NOT_IN_MARKET);
        assertThat(result.state()).isNull();
        assertThat(result.message()).contains("CZ24002", "FR");
        assertThat(hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.A2_PACK_OF_DE_ONLY_BATCH, "DE")).found()).isTrue();
    }

    @Test
    void anUnknownSerialAndAnUnknownProductAreOutcomesNotFailures_theA3Scenario() {
        assertThat(hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.A3_UNKNOWN_SERIAL, "DE")).outcome())
                .isEqualTo(PackOutcome.UNKNOWN_SERIAL);
        assertThat(hub.requestPackState(PackQuery.of(SeedData.UNKNOWN_PRODUCT, "ANYSERIAL1", null)).outcome())
                .isEqualTo(PackOutcome.UNKNOWN_PRODUCT);
    }

    @Test
    void theHubsBatchDiffersFromThePrintedOne_theA68Scenario() {
        PackState pack = hub.requestPackState(PackQuery.of(SeedData.CARDIOZOL, SeedData.A68_PACK, "DE")).state();

        assertThat(pack.batchId()).isEqualTo(BatchId.of("CZ24001")).isNotEqualTo(BatchId.of(SeedData.A68_PRINTED_BATCH));
    }

    @Test
    void theHubsExpiryDiffersFromThePrintedOne_theA52Scenario() {
        PackState pack = hub.requestPackState(PackQuery.of(SeedData.DERMOCORT, SeedData.A52_PACK, "IE")).state();

        assertThat(pack.expiry()).isEqualTo(Expiry.parse("300228")).isNotEqualTo(Expiry.parse(SeedData.A52_PRINTED_EXPIRY));
    }

    @Test
    void packsOfARecalledBatchAndOfAWithdrawnProductSayWhy() {
        PackState recalled = hub.requestPackState(PackQuery.of(SeedData.RESPIFLAM, SeedData.RECALLED_BATCH_PACK, "FR")).state();
        PackState withdrawn = hub.requestPackState(PackQuery.of(SeedData.RESPIFLAM, SeedData.WITHDRAWN_IN_BE_PACK, "BE")).state();

        assertThat(recalled.batchState()).isEqualTo(BatchState.RECALLED);
        assertThat(recalled.state()).as("a recall changes the batch, not the pack").isEqualTo(PackStatus.ACTIVE);
        assertThat(withdrawn.productState()).isEqualTo(ProductState.WITHDRAWN);
    }

    @Test
    void bulkResultsComeInRequestOrderEvenAcrossSeveralHubCalls() {
        List<PackQuery> queries = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            queries.add(PackQuery.of(SeedData.CARDIOZOL, "BULK" + i, null));
        }
        queries.set(3, PackQuery.of(SeedData.CARDIOZOL, SeedData.ACTIVE_PACK, null));
        queries.set(1100, PackQuery.of(SeedData.CARDIOZOL, SeedData.A7_SUPPLIED_PACK, null));

        List<PackStateResult> results = hub.requestPackStates(queries);

        assertThat(results).hasSize(1200);
        assertThat(results).extracting(PackStateResult::query).containsExactlyElementsOf(queries);
        assertThat(results.get(3).state().state()).isEqualTo(PackStatus.ACTIVE);
        assertThat(results.get(1100).state().state()).isEqualTo(PackStatus.SUPPLIED);
        assertThat(results).filteredOn(PackStateResult::found).hasSize(2);
    }

    @Test
    void batchStatesCoverActiveRecalledAndExpired() {
        BatchStateReport active = hub.requestBatchState(CARDIOZOL, BatchId.of("CZ24001")).orElseThrow();
        BatchStateReport recalled = hub.requestBatchState(RESPIFLAM, BatchId.of("RF24010")).orElseThrow();
        BatchStateReport expired = hub.requestBatchState(CARDIOZOL, BatchId.of("CZ21007")).orElseThrow();

        assertThat(active.state()).isEqualTo(BatchState.ACTIVE);
        assertThat(active.uploadedSerialCount()).isEqualTo(13);
        assertThat(active.markets()).containsExactlyInAnyOrder(Market.of("DE"), Market.of("FR"), Market.of("NL"));
        assertThat(active.recallDetails()).isEmpty();
        assertThat(recalled.state()).isEqualTo(BatchState.RECALLED);
        assertThat(recalled.recall().reason()).contains("DEV-2024-031");
        assertThat(recalled.recall().recalledAt()).isEqualTo(Instant.parse("2024-11-15T16:20:00Z"));
        assertThat(expired.state()).isEqualTo(BatchState.EXPIRED);
        assertThat(expired.expiry().date()).hasToString("2023-09-30");
    }

    @Test
    void anUnknownBatchIsEmpty() {
        assertThat(hub.requestBatchState(CARDIOZOL, BatchId.of("NOSUCHBATCH"))).isEmpty();
        assertThat(hub.requestBatchState(ProductCode.of(SeedData.UNKNOWN_PRODUCT), BatchId.of("CZ24001"))).isEmpty();
    }

    @Test
    void productStateIsGivenPerMarket() {
        ProductStateReport respiflam = hub.requestProductState(RESPIFLAM).orElseThrow();
        ProductStateReport neurodyn = hub.requestProductState(NEURODYN).orElseThrow();

        assertThat(respiflam.stateIn(Market.of("FR"))).contains(ProductState.ACTIVE);
        assertThat(respiflam.stateIn(Market.of("BE"))).contains(ProductState.WITHDRAWN);
        assertThat(respiflam.stateIn(Market.of("DE"))).isEmpty();
        assertThat(respiflam.markets()).extracting(MarketState::withdrawnAt).containsExactly(Instant.parse("2024-09-30T12:00:00Z"), null);
        assertThat(neurodyn.product().scheme()).isEqualTo(ProductCode.Scheme.PPN);
        assertThat(hub.requestProductState(ProductCode.of(SeedData.UNKNOWN_PRODUCT))).isEmpty();
    }

    @Test
    void uploadStatusesCarryTheRejectionsAsCanonicalRecords() {
        UploadStatus accepted = hub.requestUploadStatus("UPL-2024-0001").orElseThrow();
        UploadStatus rejected = hub.requestUploadStatus("UPL-2024-0003").orElseThrow();
        UploadStatus processing = hub.requestUploadStatus("UPL-2024-0005").orElseThrow();

        assertThat(accepted.state()).isEqualTo(UploadState.ACCEPTED);
        assertThat(accepted.kind()).isEqualTo(UploadKind.PACK_DATA);
        assertThat(accepted.batchId()).isEqualTo(BatchId.of("CZ24001"));
        assertThat(rejected.state()).isEqualTo(UploadState.REJECTED);
        assertThat(rejected.kind()).isEqualTo(UploadKind.PRODUCT_MASTER_DATA);
        assertThat(rejected.rejections()).extracting(UploadRejection::code).containsExactly("A16", "A16");
        UploadRejection second = rejected.rejections().get(1);
        assertThat(second.uploadRef()).isEqualTo("UPL-2024-0003");
        assertThat(second.market()).isEqualTo(Market.of("PT"));
        assertThat(second.product()).isEqualTo(DERMOCORT);
        assertThat(second.rejectedAt()).isEqualTo(Instant.parse("2024-06-28T09:02:00Z"));
        assertThat(processing.state().isFinal()).isFalse();
        assertThat(processing.completedAt()).isNull();
        assertThat(hub.requestUploadStatus("UPL-NONE")).isEmpty();
    }

    @Test
    void theSimulatorServesItsWsdl() throws Exception {
        var connection = (java.net.HttpURLConnection) java.net.URI.create(simulator.address() + "?wsdl").toURL().openConnection();
        try (var in = connection.getInputStream()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("EuHubService", "GetPackStates");
        }
    }

    @Test
    void aStoppedSimulatorFreesItsPort() {
        EuHubSimulatorServer second = EuHubSimulatorServer.builder().build().start();
        int port = second.port();
        second.stop();

        assertThat(second.isRunning()).isFalse();
        assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        } catch (java.io.IOException e) {
            throw new AssertionError("port " + port + " still bound after stop", e);
        }
    }
}
