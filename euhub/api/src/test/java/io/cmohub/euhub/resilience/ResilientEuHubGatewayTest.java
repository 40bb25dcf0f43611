package io.cmohub.euhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubCircuitOpenException;
import io.cmohub.euhub.EuHubFaultException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.EuHubRateLimitedException;
import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.PackOutcome;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The resilience decorator on its own, around a binding whose answers the test scripts: what is retried,
 * what opens the circuit, what the cache serves, how bulk requests are split and checked, and the rate
 * limit. The SOAP binding's own fault mapping is tested in euhub-soap against a real CXF endpoint.
 */
class ResilientEuHubGatewayTest {
    private static final ProductCode PRODUCT = ProductCode.of("05012345678900");
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), 1.0, 0.0, Duration.ofMillis(1));
    private static final RateLimitPolicy UNLIMITED = new RateLimitPolicy(1000, Duration.ofSeconds(1), Duration.ofSeconds(1));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T10:00:00Z"));
    private final ScriptedHub binding = new ScriptedHub();

    private ResilientEuHubGateway.Builder gateway() {
        return ResilientEuHubGateway.builder(binding).clock(clock).retry(FAST_RETRY).rateLimit(UNLIMITED).cache(CachePolicy.OFF);
    }

    @Test
    void aTransientFailureIsRetriedUntilTheHubAnswers() {
        binding.next(q -> { throw transientFault(); });
        binding.next(q -> { throw transientFault(); });
        try (ResilientEuHubGateway hub = gateway().build()) {
            assertThat(hub.requestPackState(query("S1")).outcome()).isEqualTo(PackOutcome.UNKNOWN_SERIAL);
        }
        assertThat(binding.calls.get()).isEqualTo(3);
    }

    @Test
    void retriesStopAtMaxAttemptsAndTheLastFailureIsThrown() {
        IntStream.range(0, 5).forEach(i -> binding.next(q -> { throw transientFault(); }));
        try (ResilientEuHubGateway hub = gateway().build()) {
            assertThatThrownBy(() -> hub.requestPackState(query("S1"))).isInstanceOf(EuHubTransientException.class);
        }
        assertThat(binding.calls.get()).isEqualTo(3);
    }

    @Test
    void aBusinessFaultIsNotRetriedAndDoesNotOpenTheCircuit() {
        IntStream.range(0, 12).forEach(i -> binding.next(q -> { throw new EuHubFaultException(EuHubOperation.GET_PACK_STATE, "NMVS_FE_LOT_03", "bad"); }));
        CircuitPolicy circuit = new CircuitPolicy(4, 4, 50f, Duration.ofSeconds(30), 1);
        try (ResilientEuHubGateway hub = gateway().circuit(circuit).build()) {
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> hub.requestPackState(query("S1"))).isInstanceOf(EuHubFaultException.class);
            }
            assertThat(hub.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
        assertThat(binding.calls.get()).as("one call per request: a fault is the Hub's answer").isEqualTo(6);
    }

    @Test
    void failuresOpenTheCircuitWhichRefusesWithoutCallingAndClosesAfterItsOpenPeriod() {
        CircuitPolicy circuit = new CircuitPolicy(4, 4, 50f, Duration.ofSeconds(30), 1);
        IntStream.range(0, 4).forEach(i -> binding.next(q -> { throw transientFault(); }));
        try (ResilientEuHubGateway hub = gateway().retry(RetryPolicy.NONE).circuit(circuit).build()) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> hub.requestPackState(query("S1"))).isInstanceOf(EuHubTransientException.class);
            }
            assertThat(hub.circuitState()).isEqualTo(CircuitState.OPEN);
            int before = binding.calls.get();
            assertThatThrownBy(() -> hub.requestPackState(query("S1"))).isInstanceOf(EuHubCircuitOpenException.class);
            assertThat(binding.calls.get()).as("an open circuit does not reach the Hub").isEqualTo(before);

            clock.advance(Duration.ofSeconds(31));
            assertThat(hub.requestPackState(query("S1")).outcome()).as("half-open: one trial call goes through").isEqualTo(PackOutcome.UNKNOWN_SERIAL);
            assertThat(hub.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void aFoundPackStateIsServedFromTheCacheUntilItsTtlAndAMissIsNeverCached() {
        binding.next(ScriptedHub::found);
        binding.next(ScriptedHub::found);
        try (ResilientEuHubGateway hub = gateway().cache(new CachePolicy(Duration.ofSeconds(30), 100)).build()) {
            assertThat(hub.requestPackState(query("S1")).found()).isTrue();
            assertThat(hub.requestPackState(query("S1")).found()).isTrue();
            assertThat(binding.calls.get()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(31));
            hub.requestPackState(query("S1"));
            assertThat(binding.calls.get()).as("expired after the TTL").isEqualTo(2);

            hub.requestPackState(query("MISS"));
            hub.requestPackState(query("MISS"));
            assertThat(binding.calls.get()).as("an unknown serial is asked again: it may be uploaded any minute").isEqualTo(4);
        }
    }

    @Test
    void bulkRequestsAreSplitIntoChunksAndAnswerInRequestOrder() {
        List<PackQuery> queries = IntStream.range(0, 25).mapToObj(i -> query("S" + i)).toList();
        try (ResilientEuHubGateway hub = gateway().bulkChunkSize(10).build()) {
            List<PackStateResult> results = hub.requestPackStates(queries);
            assertThat(results).extracting(PackStateResult::query).containsExactlyElementsOf(queries);
        }
        assertThat(binding.bulkSizes).containsExactly(10, 10, 5);
    }

    @Test
    void aBulkAnswerOfTheWrongLengthIsAProtocolError() {
        binding.shortBulk = true;
        try (ResilientEuHubGateway hub = gateway().retry(RetryPolicy.NONE).build()) {
            assertThatThrownBy(() -> hub.requestPackStates(List.of(query("A"), query("B")))).isInstanceOf(EuHubProtocolException.class)
                    .hasMessageContaining("1 pack states for 2 queries");
        }
    }

    @Test
    void callsBeyondTheRateLimitAreRefusedLocallyWithoutReachingTheHub() {
        try (ResilientEuHubGateway hub = gateway().rateLimit(new RateLimitPolicy(2, Duration.ofMinutes(1), Duration.ZERO)).build()) {
            hub.requestPackState(query("A"));
            hub.requestPackState(query("B"));
            assertThatThrownBy(() -> hub.requestPackState(query("C"))).isInstanceOf(EuHubRateLimitedException.class);
            assertThat(hub.circuitState()).as("a local refusal is not the Hub's failure").isEqualTo(CircuitState.CLOSED);
        }
        assertThat(binding.calls.get()).isEqualTo(2);
    }

    private static PackQuery query(String serial) {
        return new PackQuery(PRODUCT, SerialNumber.of(serial), Market.of("DE"));
    }

    private static EuHubTransientException transientFault() {
        return new EuHubTransientException(EuHubOperation.GET_PACK_STATE, "connection reset", null);
    }

    /** A binding that answers each single request with the next scripted answer (UNKNOWN_SERIAL when none is left). */
    static final class ScriptedHub implements EuHubGateway {
        final AtomicInteger calls = new AtomicInteger();
        final Deque<Function<PackQuery, PackStateResult>> script = new ArrayDeque<>();
        final List<Integer> bulkSizes = new ArrayList<>();
        boolean shortBulk;

        void next(Function<PackQuery, PackStateResult> answer) {
            script.add(answer);
        }

        static PackStateResult found(PackQuery q) {
            return PackStateResult.found(q, new PackState(q.product(), q.serial(), BatchId.of("B1"), null, q.market(), PackStatus.ACTIVE, null, null,
                    null, null, Instant.parse("2026-01-15T10:00:00Z")));
        }

        @Override
        public synchronized PackStateResult requestPackState(PackQuery query) {
            calls.incrementAndGet();
            Function<PackQuery, PackStateResult> answer = script.poll();
            return answer != null ? answer.apply(query) : new PackStateResult(query, PackOutcome.UNKNOWN_SERIAL, null, "never uploaded");
        }

        @Override
        public synchronized List<PackStateResult> requestPackStates(List<PackQuery> queries) {
            bulkSizes.add(queries.size());
            List<PackStateResult> answers = queries.stream().map(q -> new PackStateResult(q, PackOutcome.UNKNOWN_SERIAL, null, "never uploaded")).toList();
            return shortBulk ? answers.subList(0, answers.size() - 1) : answers;
        }

        @Override
        public Optional<BatchStateReport> requestBatchState(ProductCode product, BatchId batchId) {
            return Optional.empty();
        }

        @Override
        public Optional<ProductStateReport> requestProductState(ProductCode product) {
            return Optional.empty();
        }

        @Override
        public Optional<UploadStatus> requestUploadStatus(String uploadRef) {
            return Optional.empty();
        }
    }
}
