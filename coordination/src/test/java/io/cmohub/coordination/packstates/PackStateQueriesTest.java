package io.cmohub.coordination.packstates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.CircuitPolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.model.Chunk;
import io.cmohub.model.EntityType;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStateCount;
import io.cmohub.model.PackStateSummary;
import io.cmohub.model.PackStatus;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pack-state queries against the EU Hub simulator: a bulk query, a batch, restart, an open circuit, a
 * Hub fault per pack, two nodes at once, a publishing failure.
 */
abstract class PackStateQueriesTest extends PackStateFixture {
    // ------------------------------------------------------------------ a bulk query

    @Test
    void aBulkQueryReturnsEveryStateTheHubHoldsWithASummary() {
        HubPackStates service = packStates(resilient(binding), "node-a");
        List<PackQuery> packs = new ArrayList<>(seededPacks(SEEDED));
        for (int i = 0; i < 7; i++) {
            packs.add(PackQuery.of(CARDIOZOL.value(), "NOSUCH" + i, "DE"));
        }
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(packs), "qa.lead@sponsor.example");
        assertThat(submitted.state()).isEqualTo(QueryState.RUNNING);
        assertThat(submitted.asked()).isEqualTo(SEEDED + 7);

        service.runner().runDue();

        PackStateQueryStatus done = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(done.state()).isEqualTo(QueryState.COMPLETED);
        assertThat(done.answered()).isEqualTo(SEEDED + 7);
        assertThat(done.failed()).isZero();
        Map<PackStatus, Long> expected = new EnumMap<>(PackStatus.class);
        for (int i = 0; i < SEEDED; i++) {
            expected.merge(seededState(i), 1L, Long::sum);
        }
        List<PackStateCount> counts = service.queries().counts(done.queryId());
        for (PackStatus state : STATES) {
            assertThat(counts).as("count of " + state).contains(new PackStateCount(state.name(), expected.get(state)));
        }
        assertThat(counts).contains(new PackStateCount("UNKNOWN_SERIAL", 7));

        // Every found pack is a PackState event with the simulator's state, then the summary.
        List<PackState> states = publishedStates();
        assertThat(states).hasSize(SEEDED);
        for (PackState state : states) {
            int i = Integer.parseInt(state.serial().value().substring(3));
            assertThat(state.state()).as(state.serial().value()).isEqualTo(seededState(i));
            assertThat(state.batchId()).isEqualTo(CZ24002);
        }
        PackStateSummary summary = publishedOf(PackStateSummary.class).get(0);
        assertThat(summary.queryId()).isEqualTo(done.queryId());
        assertThat(summary.asked()).isEqualTo(SEEDED + 7L);
        assertThat(summary.counts()).containsExactlyInAnyOrderElementsOf(counts);
        assertThat(published.get(published.size() - 1).data()).isInstanceOf(PackStateSummary.class);
        // 5,007 packs in chunks of 1,000: six bulk calls, no pack asked twice.
        assertThat(counting.bulkCalls.get()).isEqualTo(6);
        assertThat(counting.asked).hasSize(SEEDED + 7).doesNotHaveDuplicates();

        // Paged results hold the answer of each pack in the order asked.
        List<PackAnswerRows.ResultRow> page = service.queries().page(done.queryId(), 5_000, 100);
        assertThat(page).hasSize(7).allSatisfy(r -> assertThat(r.answer()).isEqualTo("UNKNOWN_SERIAL"));
    }

    @Test
    void askingThePacksAgainWithTheSameAnswersGivesTheSameEventIds() {
        HubPackStates service = packStates(resilient(binding), "node-a");
        service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(50)), "ops");
        service.runner().runDue();
        clock.advance(Duration.ofMinutes(5));
        service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(50)), "ops");
        service.runner().runDue();

        List<String> ids = published.stream().filter(e -> e.entityType() == EntityType.PACK_STATE).map(CanonicalEvent::id).toList();
        assertThat(ids).hasSize(100);
        assertThat(new HashSet<>(ids)).as("the same answer twice is one event").hasSize(50);
    }

    // ------------------------------------------------------------------ a batch

    @Test
    void aBatchQueryAsksTheSerialsTheRegistryHolds() {
        List<String> epcs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            epcs.add("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/" + serial(i * 3));
        }
        epcs.add("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/NEVERUPLOADED1");
        registry.apply(new SerialisationEvent("EV-CZ24002", SerialisationAction.COMMISSION, NOW.minusSeconds(86_400), ACME, null, CARDIOZOL, CZ24002,
                null, null, epcs, new Chunk(1, 1)));
        HubPackStates service = packStates(resilient(binding), "node-a");

        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofBatch(CARDIOZOL, CZ24002, null), "qa");
        assertThat(submitted.asked()).isEqualTo(301);
        service.runner().runDue();

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            expected.add(serial(i * 3));
        }
        expected.add("NEVERUPLOADED1");
        assertThat(counting.asked).hasSize(301);
        assertThat(new HashSet<>(counting.asked.stream().map(q -> q.serial().value()).toList())).isEqualTo(expected);
        assertThat(service.queries().counts(submitted.queryId())).contains(new PackStateCount("UNKNOWN_SERIAL", 1));
        assertThat(published).filteredOn(e -> e.entityType() == EntityType.PACK_STATE).hasSize(300)
                .allSatisfy(e -> assertThat(e.partner()).as("the CMO that made the batch").isEqualTo("acme-lyon"));
    }

    @Test
    void aBatchTheRegistryDoesNotKnowIsRefusedNamingIt() {
        HubPackStates service = packStates(resilient(binding), "node-a");
        assertThatThrownBy(() -> service.queries().submit(PackStateQueryRequest.ofBatch(CARDIOZOL, BatchId.of("NOPE1"), null), "qa"))
                .isInstanceOf(PackStateQueryRejectedException.class).hasMessageContaining("batch NOPE1 of product 05012345100012 is unknown");
        assertThat(service.queries().latest(10)).isEmpty();
    }

    // ------------------------------------------------------------------ restart, circuit, faults

    @Test
    void aRestartMidQueryResumesWithoutAskingAPackTwice() {
        HubPackStates first = packStates(resilient(binding), "node-a");
        PackStateQueryStatus submitted = first.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(SEEDED)), "ops");
        counting.afterBulkCall = calls -> {
            if (calls == 2) {
                first.runner().stop(); // the node shuts down while its second chunk is at the Hub
            }
        };
        first.runner().runDue();
        PackStateQueryStatus stopped = first.queries().find(submitted.queryId()).orElseThrow();
        assertThat(stopped.state()).isEqualTo(QueryState.RUNNING);
        assertThat(stopped.answered()).isEqualTo(2_000);
        assertThat(stopped.nextSeq()).isEqualTo(2_000);

        counting.afterBulkCall = calls -> {
        };
        HubPackStates restarted = packStates(resilient(binding), "node-b");
        restarted.runner().runDue();

        PackStateQueryStatus done = restarted.queries().find(submitted.queryId()).orElseThrow();
        assertThat(done.state()).isEqualTo(QueryState.COMPLETED);
        assertThat(done.answered()).isEqualTo(SEEDED);
        assertThat(counting.asked).hasSize(SEEDED).doesNotHaveDuplicates();
        assertThat(publishedStates()).hasSize(SEEDED);
        assertThat(publishedOf(PackStateSummary.class)).hasSize(1);
    }

    @Test
    void anOpenCircuitPausesTheQueryAndItResumesWhereItStopped() {
        FlakyHub flaky = new FlakyHub(binding);
        ResilientEuHubGateway hub = ResilientEuHubGateway.builder(flaky).retry(RetryPolicy.NONE).cache(CachePolicy.OFF).clock(clock)
                .circuit(new CircuitPolicy(2, 2, 50f, Duration.ofSeconds(30), 1)).build();
        // The query looks again after 10 s, while the circuit stays open for 30 s.
        HubPackStates service = packStates(hub, "node-a", new PackStateQueryRunner.Settings(1000, Duration.ofMinutes(2), Duration.ofSeconds(10),
                Duration.ofSeconds(1)));
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(3_000)), "ops");
        counting.afterBulkCall = calls -> flaky.down = true; // the Hub goes down after the first chunk

        service.runner().runDue();
        PackStateQueryStatus paused = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(paused.state()).isEqualTo(QueryState.PAUSED);
        assertThat(paused.answered()).isEqualTo(1_000);
        assertThat(paused.pausedReason()).contains("the EU Hub failed");
        service.runner().runDue();
        assertThat(counting.bulkCalls.get()).as("not due before resumeAt").isEqualTo(2);

        assertThat(hub.circuitState()).isEqualTo(io.cmohub.euhub.resilience.CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(11));
        service.runner().runDue(); // the circuit is still open: the query pauses again without calling the Hub
        PackStateQueryStatus stillPaused = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(stillPaused.state()).isEqualTo(QueryState.PAUSED);
        assertThat(stillPaused.pauses()).isEqualTo(2);
        assertThat(stillPaused.pausedReason()).contains("circuit breaker is open");
        assertThat(flaky.refused.get()).isEqualTo(1);

        flaky.down = false;
        counting.afterBulkCall = calls -> {
        };
        clock.advance(Duration.ofSeconds(31));
        service.runner().runDue();
        PackStateQueryStatus done = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(done.state()).isEqualTo(QueryState.COMPLETED);
        assertThat(done.answered()).isEqualTo(3_000);
        assertThat(done.failed()).as("no pack failed for the outage").isZero();
        assertThat(publishedStates()).hasSize(3_000);
    }

    @Test
    void aHubFaultIsKeptWithThePackItConcerns() {
        FlakyHub flaky = new FlakyHub(binding);
        flaky.faultSerial = serial(42);
        HubPackStates service = packStates(resilient(flaky), "node-a");
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(100)), "ops");
        service.runner().runDue();

        PackStateQueryStatus done = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(done.state()).isEqualTo(QueryState.COMPLETED);
        assertThat(done.answered()).isEqualTo(99);
        assertThat(done.failed()).isEqualTo(1);
        PackAnswerRows.ResultRow faulted = service.queries().page(done.queryId(), 42, 1).get(0);
        assertThat(faulted.answer()).isEqualTo(PackAnswer.HUB_FAULT);
        assertThat(faulted.message()).contains("E-PACK-LOCKED").contains(serial(42));
        assertThat(publishedStates()).hasSize(99);
    }

    @Test
    void twoNodesWorkingAtOnceAskEachPackOnce() throws Exception {
        HubPackStates nodeA = packStates(resilient(binding), "node-a");
        HubPackStates nodeB = packStates(resilient(binding), "node-b");
        List<String> ids = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            List<PackQuery> packs = new ArrayList<>();
            for (int i = q * 1_500; i < (q + 1) * 1_500; i++) {
                packs.add(PackQuery.of(CARDIOZOL.value(), serial(i), "DE"));
            }
            ids.add(nodeA.queries().submit(PackStateQueryRequest.ofPacks(packs), "ops").queryId());
        }
        Thread a = new Thread(() -> nodeA.runner().runDue());
        Thread b = new Thread(() -> nodeB.runner().runDue());
        a.start();
        b.start();
        a.join();
        b.join();
        nodeA.runner().runDue(); // whatever one node found taken when it looked

        for (String id : ids) {
            assertThat(nodeA.queries().find(id).orElseThrow().state()).isEqualTo(QueryState.COMPLETED);
        }
        assertThat(counting.asked).hasSize(4_500).doesNotHaveDuplicates();
        assertThat(publishedOf(PackStateSummary.class)).hasSize(3);
    }

    @Test
    void aPublishingFailureIsShownOnTheQueryAndTheChunkIsAskedAgain() {
        AtomicInteger failures = new AtomicInteger(1);
        HubPackStates service = new HubPackStates(dataSource, registry, counting = new CountingHub(resilient(binding)), (batch, documentId) -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("broker unavailable");
            }
            published.addAll(batch);
        }, audit, clock, "node-a", HubPackStates.DEFAULT_MAX_PACKS, PackStateQueryRunner.Settings.DEFAULTS, PackStateSweeps.Settings.DEFAULTS);
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(10)), "ops");
        service.runner().runDue();
        PackStateQueryStatus paused = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(paused.state()).isEqualTo(QueryState.PAUSED);
        assertThat(paused.pausedReason()).contains("could not be published or recorded").contains("broker unavailable");
        assertThat(paused.answered()).isZero();

        clock.advance(Duration.ofSeconds(31));
        service.runner().runDue();
        assertThat(service.queries().find(submitted.queryId()).orElseThrow().state()).isEqualTo(QueryState.COMPLETED);
        assertThat(publishedStates()).hasSize(10);
        assertThat(counting.asked).as("the chunk whose events were not published was asked again").hasSize(20);
    }

    @Test
    void aHubThatAnswersGarbagePausesTheQueryInsteadOfFailingItsPacks() {
        FlakyHub flaky = new FlakyHub(binding);
        flaky.garbled = true;
        HubPackStates service = packStates(resilient(flaky), "node-a");
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(50)), "ops");
        service.runner().runDue();

        PackStateQueryStatus paused = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(paused.state()).isEqualTo(QueryState.PAUSED);
        assertThat(paused.failed()).as("an outage is no pack's fault").isZero();
        assertThat(paused.pausedReason()).contains("HTTP 401");
        assertThat(flaky.refused.get()).as("one bulk call, not one call per pack").isEqualTo(1);

        flaky.garbled = false;
        clock.advance(Duration.ofSeconds(31));
        service.runner().runDue();
        PackStateQueryStatus done = service.queries().find(submitted.queryId()).orElseThrow();
        assertThat(done.state()).isEqualTo(QueryState.COMPLETED);
        assertThat(done.answered()).isEqualTo(50);
        assertThat(done.pausedReason()).as("a resumed query shows no old pause").isNull();
        assertThat(done.resumeAt()).isNull();
    }

    @Test
    void aSecondThreadOfTheSameNodeDoesNotTakeUpTheQueryItsRunnerHolds() throws Exception {
        HubPackStates service = packStates(resilient(binding), "node-a");
        PackStateQueryStatus submitted = service.queries().submit(PackStateQueryRequest.ofPacks(seededPacks(3_000)), "ops");
        java.util.concurrent.atomic.AtomicLong askedByTheSecond = new java.util.concurrent.atomic.AtomicLong(-1);
        counting.afterBulkCall = calls -> {
            if (calls == 1) {
                Thread second = new Thread(() -> askedByTheSecond.set(service.runner().runDue()));
                second.start();
                try {
                    second.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        service.runner().runDue();
        assertThat(askedByTheSecond.get()).as("the timer's call while the wake-up works returns at once").isZero();
        assertThat(service.queries().find(submitted.queryId()).orElseThrow().answered()).isEqualTo(3_000);
        assertThat(counting.asked).hasSize(3_000).doesNotHaveDuplicates();
    }
}
