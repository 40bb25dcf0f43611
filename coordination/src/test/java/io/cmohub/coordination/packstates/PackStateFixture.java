package io.cmohub.coordination.packstates;

import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.euhub.simulator.SimulatedPacks;
import io.cmohub.euhub.simulator.SimulatorDatabase;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.model.EntityType;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStatus;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.testsupport.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the pack-state tests share: the EU Hub simulator over SOAP with its seed and {@value #SEEDED} more
 * packs of CZ24002 in every pack state in turn, a real database (H2, and PostgreSQL when
 * CMOHUB_TEST_POSTGRES_URL is set), the registry, a test clock, and the events published, collected.
 * A {@link CountingHub} records each pack the Hub was asked.
 */
abstract class PackStateFixture {
    static final ProductCode CARDIOZOL = ProductCode.of("05012345100012");
    static final ProductCode RESPIFLAM = ProductCode.of("05012345100029");
    static final BatchId CZ24002 = BatchId.of("CZ24002");
    static final BatchId RF24010 = BatchId.of("RF24010");
    static final PartnerId ACME = PartnerId.of("acme-lyon");
    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    static final int SEEDED = 5_000;
    static final PackStatus[] STATES = PackStatus.values();

    static EuHubSimulatorServer simulator;
    static SoapEuHubGateway binding;

    DataSource dataSource;
    ManualClock clock;
    JdbcAuditTrail audit;
    BatchRegistry registry;
    CountingHub counting;
    List<CanonicalEvent> published;

    abstract DataSource database();

    @BeforeAll
    static void startSimulator() {
        simulator = seededSimulator();
        binding = SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address()));
    }

    /** The simulator with its seed and {@value #SEEDED} more packs of CZ24002, in every pack state in turn. */
    static EuHubSimulatorServer seededSimulator() {
        DataSource simulatorData = SimulatorDatabase.inMemoryH2();
        SimulatorDatabase.migrate(simulatorData);
        List<SimulatedPacks.Pack> packs = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            PackStatus state = STATES[i % STATES.length];
            packs.add(new SimulatedPacks.Pack(io.cmohub.model.value.SerialNumber.of(serial(i)), state,
                    state == PackStatus.ACTIVE ? null : Instant.parse("2026-10-01T09:00:00Z"), state == PackStatus.ACTIVE ? null : "PHARMACY-1"));
        }
        SimulatedPacks.add(simulatorData, CARDIOZOL, CZ24002, packs);
        return EuHubSimulatorServer.builder().dataSource(simulatorData).migrate(false).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        binding.close();
        simulator.stop();
    }

    static String serial(int i) {
        return String.format("PSQ%07d", i);
    }

    static PackStatus seededState(int i) {
        return STATES[i % STATES.length];
    }

    @BeforeEach
    void wire() {
        dataSource = database();
        clock = new ManualClock(NOW);
        audit = new JdbcAuditTrail(dataSource);
        registry = new BatchRegistry(dataSource, audit, clock);
        published = new CopyOnWriteArrayList<>();
    }

    HubPackStates packStates(EuHubGateway hub, String node) {
        return packStates(hub, node, PackStateQueryRunner.Settings.DEFAULTS);
    }

    HubPackStates packStates(EuHubGateway hub, String node, PackStateQueryRunner.Settings settings) {
        counting = counting == null ? new CountingHub(hub) : counting;
        return new HubPackStates(dataSource, registry, counting, (batch, documentId) -> published.addAll(batch), audit, clock, node,
                HubPackStates.DEFAULT_MAX_PACKS, settings, PackStateSweeps.Settings.DEFAULTS);
    }

    ResilientEuHubGateway resilient(EuHubGateway delegate) {
        return ResilientEuHubGateway.builder(delegate).retry(RetryPolicy.NONE).cache(CachePolicy.OFF).clock(clock).build();
    }

    static List<PackQuery> seededPacks(int count) {
        List<PackQuery> packs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packs.add(PackQuery.of(CARDIOZOL.value(), serial(i), "DE"));
        }
        return packs;
    }

    List<PackState> publishedStates() {
        return published.stream().filter(e -> e.entityType() == EntityType.PACK_STATE).map(e -> (PackState) e.data()).toList();
    }

    <T> List<T> publishedOf(Class<T> type) {
        return published.stream().map(CanonicalEvent::data).filter(type::isInstance).map(type::cast).toList();
    }
}
