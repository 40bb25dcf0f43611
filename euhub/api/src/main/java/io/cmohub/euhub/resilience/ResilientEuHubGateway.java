package io.cmohub.euhub.resilience;

import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubCircuitOpenException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.EuHubRateLimitedException;
import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.ProductStateReport;
import io.cmohub.euhub.UploadStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes any {@link EuHubGateway} binding safe to call from a busy hub: a short-lived cache of
 * found pack states, retries with exponential back-off and jitter on transient failures only, a
 * circuit breaker and a client-side rate limit (resilience4j). A binding only has to translate its
 * failures into {@link EuHubTransientException} / {@link io.cmohub.euhub.EuHubPermanentException};
 * what happens next is decided here, the same way for every binding.
 *
 * <p>Per Hub call, from the outside in: retry → circuit breaker → rate limiter → binding. So a
 * retry asks the circuit again (an opened circuit stops the retries) and takes a rate-limit permit
 * like any call; an open circuit takes no permit. Retrying is safe because every operation is a
 * read-only query.
 *
 * <p>What counts against the circuit: {@link EuHubTransientException} and
 * {@link EuHubProtocolException}. A business fault is a healthy Hub answering, so it counts as a
 * success; a local rate-limit refusal does not count at all.
 */
public final class ResilientEuHubGateway implements EuHubGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientEuHubGateway.class);

    private final EuHubGateway delegate;
    private final RetryPolicy retryPolicy;
    private final CircuitPolicy circuitPolicy;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final PackStateCache cache;
    private final int bulkChunkSize;

    private ResilientEuHubGateway(Builder b) {
        this.delegate = b.delegate;
        this.retryPolicy = b.retry;
        this.circuitPolicy = b.circuit;
        this.bulkChunkSize = b.bulkChunkSize;
        this.retry = Retry.of(b.name, RetryConfig.custom()
                .maxAttempts(b.retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        b.retry.initialBackoff(), b.retry.multiplier(), b.retry.jitter(), b.retry.maxBackoff()))
                .retryOnException(EuHubTransientException.class::isInstance)
                .build());
        this.circuitBreaker = CircuitBreaker.of(b.name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.circuit.windowSize())
                .minimumNumberOfCalls(b.circuit.minimumCalls())
                .failureRateThreshold(b.circuit.failureRatePercent())
                .waitDurationInOpenState(b.circuit.openDuration())
                .permittedNumberOfCallsInHalfOpenState(b.circuit.halfOpenCalls())
                .recordExceptions(EuHubTransientException.class, EuHubProtocolException.class)
                .ignoreExceptions(EuHubRateLimitedException.class)
                .clock(b.clock)
                .build());
        this.rateLimiter = RateLimiter.of(b.name, RateLimiterConfig.custom()
                .limitForPeriod(b.rateLimit.permits())
                .limitRefreshPeriod(b.rateLimit.period())
                .timeoutDuration(b.rateLimit.maxWait())
                .build());
        this.cache = new PackStateCache(b.cache, b.clock);

        retry.getEventPublisher().onRetry(e -> LOG.warn("EU Hub call failed (attempt {} of {}), retrying in {} ms: {}",
                e.getNumberOfRetryAttempts(), b.retry.maxAttempts(), e.getWaitInterval().toMillis(),
                e.getLastThrowable() == null ? "?" : e.getLastThrowable().getMessage()));
        circuitBreaker.getEventPublisher().onStateTransition(e -> LOG.warn("EU Hub circuit breaker {} (failure rate {} % over the last {} calls)",
                e.getStateTransition(), circuitBreaker.getMetrics().getFailureRate(), circuitBreaker.getMetrics().getNumberOfBufferedCalls()));
    }

    public static Builder builder(EuHubGateway delegate) {
        return new Builder(delegate);
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<PackStateResult> cached = cache.get(query);
        if (cached.isPresent()) {
            return cached.get();
        }
        PackStateResult result = call(EuHubOperation.GET_PACK_STATE, () -> delegate.requestPackState(query));
        cache.putIfFound(result);
        return result;
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        List<PackStateResult> results = new ArrayList<>(queries.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Optional<PackStateResult> cached = cache.get(Objects.requireNonNull(queries.get(i), "queries[" + i + "]"));
            results.add(cached.orElse(null));
            if (cached.isEmpty()) {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += bulkChunkSize) {
            List<Integer> chunk = missing.subList(from, Math.min(from + bulkChunkSize, missing.size()));
            List<PackQuery> chunkQueries = chunk.stream().map(queries::get).toList();
            List<PackStateResult> answers = call(EuHubOperation.GET_PACK_STATES, () -> delegate.requestPackStates(chunkQueries));
            if (answers.size() != chunkQueries.size()) {
                throw new EuHubProtocolException(EuHubOperation.GET_PACK_STATES,
                        "EU Hub answered " + answers.size() + " pack states for " + chunkQueries.size() + " queries", null);
            }
            for (int j = 0; j < chunk.size(); j++) {
                results.set(chunk.get(j), answers.get(j));
                cache.putIfFound(answers.get(j));
            }
        }
        return List.copyOf(results);
    }

    @Override
    public Optional<BatchStateReport> requestBatchState(ProductCode product, BatchId batchId) {
        return call(EuHubOperation.GET_BATCH_STATE, () -> delegate.requestBatchState(product, batchId));
    }

    @Override
    public Optional<ProductStateReport> requestProductState(ProductCode product) {
        return call(EuHubOperation.GET_PRODUCT_STATE, () -> delegate.requestProductState(product));
    }

    @Override
    public Optional<UploadStatus> requestUploadStatus(String uploadRef) {
        return call(EuHubOperation.GET_UPLOAD_STATUS, () -> delegate.requestUploadStatus(uploadRef));
    }

    /** Forgets a cached pack state, e.g. after this hub changed the pack's state itself. */
    public void evictPackState(PackQuery query) {
        cache.evict(query);
    }

    /** Forgets every cached pack state. */
    public void clearPackStateCache() {
        cache.clear();
    }

    public CircuitState circuitState() {
        return switch (circuitBreaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
        };
    }

    @Override
    public void close() {
        delegate.close();
    }

    private <T> T call(EuHubOperation operation, Supplier<T> hubCall) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<T> limited = RateLimiter.decorateSupplier(rateLimiter, () -> {
            attempts.incrementAndGet();
            return hubCall.get();
        });
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, () -> {
            try {
                return limited.get();
            } catch (RequestNotPermitted e) {
                throw new EuHubRateLimitedException(operation, "EU Hub " + operation + " refused locally: the client rate limit of "
                        + rateLimiter.getRateLimiterConfig().getLimitForPeriod() + " calls per "
                        + rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod() + " had no permit free within "
                        + rateLimiter.getRateLimiterConfig().getTimeoutDuration() + "; the Hub was not called");
            }
        });
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new EuHubCircuitOpenException(operation, "EU Hub " + operation + " refused locally: the circuit breaker is "
                    + circuitBreaker.getState() + " because " + circuitBreaker.getMetrics().getFailureRate()
                    + " % of the last " + circuitBreaker.getMetrics().getNumberOfBufferedCalls() + " calls failed (threshold "
                    + circuitPolicy.failureRatePercent() + " %); the Hub was not called. Trial calls are let through "
                    + circuitPolicy.openDuration() + " after it opened");
        } catch (EuHubTransientException e) {
            if (attempts.get() <= 1) {
                throw e;
            }
            throw new EuHubTransientException(operation, "EU Hub " + operation + " failed after " + attempts.get() + " attempts (of "
                    + retryPolicy.maxAttempts() + "); last failure: " + e.getMessage(), e);
        }
    }

    /** Settings for {@link ResilientEuHubGateway}; every policy has a documented default. */
    public static final class Builder {
        private final EuHubGateway delegate;
        private String name = "eu-hub";
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private CircuitPolicy circuit = CircuitPolicy.DEFAULT;
        private RateLimitPolicy rateLimit = RateLimitPolicy.DEFAULT;
        private CachePolicy cache = CachePolicy.DEFAULT;
        private int bulkChunkSize = 1000;
        private Clock clock = Clock.systemUTC();

        private Builder(EuHubGateway delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** Name of the resilience4j instances (useful with several Hub environments in one JVM). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder circuit(CircuitPolicy circuit) {
            this.circuit = Objects.requireNonNull(circuit, "circuit");
            return this;
        }

        public Builder rateLimit(RateLimitPolicy rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        public Builder cache(CachePolicy cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** Packs per bulk Hub call (default 1000, the v1 contract's maximum). */
        public Builder bulkChunkSize(int bulkChunkSize) {
            Policies.atLeast(bulkChunkSize, 1, "bulkChunkSize");
            this.bulkChunkSize = bulkChunkSize;
            return this;
        }

        /** The clock of the circuit's open period and the cache's TTL (tests move it instead of sleeping). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ResilientEuHubGateway build() {
            return new ResilientEuHubGateway(this);
        }
    }
}
