package io.cmohub.coordination.packstates;

import io.cmohub.coordination.packstates.PackStateQueryStore.PendingPack;
import io.cmohub.euhub.EuHubException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.PackStateSummary;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.routes.publish.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the EU Hub the packs of due queries, a chunk at a time, through the resilient gateway (its rate
 * limit, retries and circuit breaker). Per chunk: ask the Hub, publish a {@code PackState} event per
 * found pack, then record the answers and move the query on, so a crash between publishing and
 * recording asks that one chunk again and republishes events the broker already has under the same
 * content-derived ids. A refused chunk is asked pack by pack, so that a Hub fault is kept against the
 * pack it concerns. When the circuit is open or the Hub keeps failing, the query is paused, not failed,
 * and taken up again later where it stopped.
 */
public final class PackStateQueryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PackStateQueryRunner.class);

    /** How the runner paces itself; every value has a default that respects the Hub's own limits. */
    public record Settings(int chunkSize, Duration lease, Duration resumeAfter, Duration resumeAfterRateLimit) {
        public static final Settings DEFAULTS = new Settings(1000, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(1));

        public Settings {
            if (chunkSize < 1 || chunkSize > 1000) {
                throw new IllegalArgumentException("chunkSize must be 1 to 1000 (the Hub's bulk maximum), was " + chunkSize);
            }
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(resumeAfter, "resumeAfter");
            Objects.requireNonNull(resumeAfterRateLimit, "resumeAfterRateLimit");
        }
    }

    private final PackStateQueryStore store;
    private final PackAnswerRows answers;
    private final EuHubGateway hub;
    private final EventPublisher publisher;
    private final PackStateEvents events;
    private final PackStateSweeps sweeps;
    private final ChunkAsker asker;
    private final Clock clock;
    private final String node;
    private final Settings settings;
    private volatile boolean stopping;
    private final java.util.concurrent.locks.ReentrantLock working = new java.util.concurrent.locks.ReentrantLock();

    public PackStateQueryRunner(PackStateQueryStore store, EuHubGateway hub, EventPublisher publisher, PackStateEvents events, PackStateSweeps sweeps,
                                Clock clock, String node, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.answers = new PackAnswerRows(store.dataSource());
        this.hub = Objects.requireNonNull(hub, "hub");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.events = Objects.requireNonNull(events, "events");
        this.sweeps = sweeps;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.asker = new ChunkAsker(hub, clock, settings.resumeAfter(), settings.resumeAfterRateLimit());
    }

    /**
     * Works through due queries until none is due (or {@link #stop()}); returns how many packs were asked.
     * One thread at a time per runner: a second caller (the timer while a wake-up is working) returns at
     * once, since the working one goes on to every query that becomes due. So a node never asks the Hub
     * twice at once, and never holds one query on two threads.
     */
    public long runDue() {
        if (!working.tryLock()) {
            return 0;
        }
        try {
            long asked = 0;
            while (!stopping) {
                var claimed = store.claimDue(node, clock.instant(), leaseEnd());
                if (claimed.isEmpty()) {
                    break;
                }
                asked += run(claimed.get());
            }
            return asked;
        } finally {
            working.unlock();
        }
    }

    /** Finishes the chunk in hand, gives the query back and asks nothing more; another node or a restart goes on. */
    public void stop() {
        stopping = true;
    }

    private long run(PackStateQueryStatus query) {
        long asked = 0;
        int next = query.nextSeq();
        try {
            while (query.state() != QueryState.COMPLETED) {
                if (stopping) {
                    store.release(query.queryId(), node, clock.instant());
                    return asked;
                }
                List<PendingPack> chunk = store.pending(query.queryId(), next, settings.chunkSize());
                if (chunk.isEmpty()) {
                    store.complete(query.queryId(), node, clock.instant());
                    break;
                }
                String queryId = query.queryId();
                ChunkAsker.Outcome outcome = asker.ask(chunk, () -> store.renew(queryId, node, clock.instant(), leaseEnd()));
                if (!outcome.answers().isEmpty()) {
                    publisher.publish(events.packStates(query, outcome.answers()), "pack-state-query:" + query.queryId());
                    next = outcome.answers().get(outcome.answers().size() - 1).seq() + 1;
                    asked += outcome.answers().size();
                    if (!store.recordAnswers(query.queryId(), node, outcome.answers(), chunk.get(0).seq(), next, clock.instant(), leaseEnd())) {
                        LOG.warn("pack-state query {}: another node took it over (this node's lease ran out); this node stops asking it", query.queryId());
                        return asked;
                    }
                }
                if (outcome.paused()) {
                    Instant resumeAt = clock.instant().plus(outcome.resumeAfter());
                    LOG.warn("pack-state query {} paused after {} of {} packs until {}: {}", query.queryId(), next, query.asked(), resumeAt, outcome.pause());
                    store.pause(query.queryId(), node, outcome.pause(), resumeAt, clock.instant());
                    return asked;
                }
            }
            sendSummary(query.queryId());
        } catch (EuHubException e) {
            // every pack is answered; the Hub's batch state for the findings could not be asked: the summary waits, the query stays COMPLETED
            LOG.warn("pack-state query {}: its summary and findings wait for the EU Hub: {}", query.queryId(), e.getMessage());
            store.pause(query.queryId(), node, "the summary and findings wait for the EU Hub: " + e.getMessage(),
                    clock.instant().plus(settings.resumeAfter()), clock.instant());
        } catch (Exception e) {
            // Publishing or the database failed: nothing of this chunk counts, and the chunk is asked again. The pause
            // puts the reason on the query's status; if the database is what failed, the lease running out does the same.
            LOG.error("pack-state query {} stopped at pack {}: {}", query.queryId(), next, e.toString());
            try {
                store.pause(query.queryId(), node, "the answers, the summary or the findings could not be published or recorded: " + e.getMessage(),
                        clock.instant().plus(settings.resumeAfter()), clock.instant());
            } catch (RuntimeException alsoFailed) {
                LOG.warn("pack-state query {}: its pause could not be recorded either ({}); it is taken up again when its lease ends",
                        query.queryId(), alsoFailed.toString());
            }
        }
        return asked;
    }

    private void sendSummary(String queryId) throws Exception {
        PackStateQueryStatus done = store.find(queryId).orElseThrow();
        List<CanonicalEvent> published = new ArrayList<>();
        PackStateSummary summary = new PackStateSummary(done.queryId(), done.scope(), done.product(), done.batchId(), done.requestedBy(), done.asked(),
                done.answered(), done.failed(), answers.counts(queryId), done.startedAt() == null ? done.createdAt() : done.startedAt(), done.completedAt());
        published.add(CanonicalEvent.of(summary, PackStateEvents.source(queryId), events.partnerOf(done).orElse(null), done.completedAt()));
        if (done.scope() == PackStateQueryScope.SWEEP && sweeps != null) {
            published.addAll(sweeps.findings(done));
        }
        publisher.publish(published, "pack-state-query:" + queryId);
        store.summarySent(queryId, node, clock.instant());
        LOG.info("pack-state query {} completed: {} asked, {} answered, {} Hub faults", queryId, done.asked(), done.answered(), done.failed());
    }

    private Instant leaseEnd() {
        return clock.instant().plus(settings.lease());
    }
}
