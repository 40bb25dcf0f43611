package io.cmohub.coordination.packstates;

import io.cmohub.coordination.packstates.PackStateQueryStore.PendingPack;
import io.cmohub.euhub.EuHubCircuitOpenException;
import io.cmohub.euhub.EuHubException;
import io.cmohub.euhub.EuHubFaultException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.EuHubRateLimitedException;
import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.PackStateResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the Hub one chunk of packs in one bulk call. A chunk the Hub refuses with a business fault is
 * asked pack by pack, so that the fault is kept against the pack it concerns and the others are
 * answered. When the Hub
 * cannot be asked (circuit open, rate limit, transient failure) the outcome says why and for how long
 * to wait, with the answers of the packs asked until then; the caller pauses instead of failing packs.
 */
final class ChunkAsker {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkAsker.class);

    /** The answers of the chunk's first packs (all of them unless {@link #paused()}), and why and how long to wait if the Hub stopped answering. */
    record Outcome(List<PackAnswer> answers, String pause, Duration resumeAfter) {
        boolean paused() {
            return pause != null;
        }
    }

    /** Single Hub calls between two renewals of the caller's lease (at 20 calls/s, every 2.5 s). */
    private static final int KEEP_ALIVE_EVERY = 50;

    private final EuHubGateway hub;
    private final Clock clock;
    private final Duration resumeAfter;
    private final Duration resumeAfterRateLimit;

    ChunkAsker(EuHubGateway hub, Clock clock, Duration resumeAfter, Duration resumeAfterRateLimit) {
        this.hub = hub;
        this.clock = clock;
        this.resumeAfter = resumeAfter;
        this.resumeAfterRateLimit = resumeAfterRateLimit;
    }

    /** Asks the chunk; {@code keepAlive} runs now and then while a refused chunk is asked pack by pack (the caller renews its lease). */
    Outcome ask(List<PendingPack> chunk, Runnable keepAlive) {
        try {
            List<PackStateResult> results = hub.requestPackStates(chunk.stream().map(PendingPack::query).toList());
            Instant now = clock.instant();
            List<PackAnswer> answered = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                answered.add(PackAnswer.of(chunk.get(i).seq(), results.get(i), now));
            }
            return new Outcome(answered, null, null);
        } catch (EuHubFaultException refused) {
            return askOneByOne(chunk, refused, keepAlive);
        } catch (EuHubException unavailable) {
            // transient, circuit open, rate limited, or a protocol failure (401, a proxy's HTML page, a wrong-sized answer):
            // the Hub could not answer, which says nothing about the packs
            return new Outcome(List.of(), pauseReason(unavailable), resumeAfter(unavailable));
        }
    }

    private Outcome askOneByOne(List<PendingPack> chunk, EuHubFaultException refused, Runnable keepAlive) {
        LOG.info("the EU Hub refused a chunk of {} packs ({}); asking them one by one to keep each fault with its pack", chunk.size(), refused.getMessage());
        List<PackAnswer> answered = new ArrayList<>(chunk.size());
        for (PendingPack pack : chunk) {
            if (answered.size() % KEEP_ALIVE_EVERY == KEEP_ALIVE_EVERY - 1) {
                keepAlive.run();
            }
            try {
                answered.add(PackAnswer.of(pack.seq(), hub.requestPackState(pack.query()), clock.instant()));
            } catch (EuHubFaultException fault) {
                answered.add(PackAnswer.fault(pack.seq(), pack.query(), fault.code() + ": " + fault.getMessage(), clock.instant()));
            } catch (EuHubException unavailable) {
                return new Outcome(answered, pauseReason(unavailable), resumeAfter(unavailable));
            }
        }
        return new Outcome(answered, null, null);
    }

    private static String pauseReason(EuHubException e) {
        String what = e instanceof EuHubCircuitOpenException ? "the EU Hub circuit breaker is open"
                : e instanceof EuHubRateLimitedException ? "the client rate limit had no permit free"
                : e instanceof EuHubTransientException ? "the EU Hub failed" : "the EU Hub could not be asked";
        return what + ": " + e.getMessage();
    }

    private Duration resumeAfter(EuHubException e) {
        return e instanceof EuHubRateLimitedException ? resumeAfterRateLimit : resumeAfter;
    }
}
