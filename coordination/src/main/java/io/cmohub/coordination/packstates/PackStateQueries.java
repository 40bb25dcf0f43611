package io.cmohub.coordination.packstates;

import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.model.PackStateCount;
import io.cmohub.model.PackStateQueryScope;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * EU Hub pack-state queries as a service: a sponsor system (or a sweep) submits packs or a batch and
 * gets a query id at once; {@link PackStateQueryRunner} asks the Hub in the background. Submitting
 * checks the query against the registry (a batch query needs a batch the registry knows, with
 * serials) and is audited under the requester's name.
 */
public final class PackStateQueries {
    public static final String AUDIT_OBJECT = "pack-state-query";

    private final PackStateQueryStore store;
    private final PackAnswerRows answers;
    private final RegisteredBatches registry;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Runnable wake = () -> {
    };

    public PackStateQueries(PackStateQueryStore store, RegisteredBatches registry, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.answers = new PackAnswerRows(store.dataSource());
        this.registry = Objects.requireNonNull(registry, "registry");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What to run after a query was stored, e.g. a wake-up of the runner's route, so a query starts within moments. */
    public void onSubmitted(Runnable wake) {
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    /** Stores the query and returns its status; refused (and nothing stored) for a batch the registry does not hold. */
    public PackStateQueryStatus submit(PackStateQueryRequest request, String requestedBy) {
        String id;
        long packs;
        if (request.scope() == PackStateQueryScope.PACKS) {
            id = store.createOfPacks(request, requestedBy, clock.instant());
            packs = request.packs().size();
        } else {
            var batch = registry.find(request.product(), request.batchId());
            if (batch.isEmpty()) {
                throw new PackStateQueryRejectedException("batch " + request.batchId() + " of product " + request.product()
                        + " is unknown to the hub's registry (no batch record, packaging run or commissioning of it was received)");
            }
            if (request.scope() == PackStateQueryScope.BATCH && batch.get().commissionedSerials() == 0) {
                throw new PackStateQueryRejectedException("the registry holds no commissioned serials of batch " + request.batchId() + " of product "
                        + request.product() + "; ask its packs by serial instead");
            }
            PackStateQueryStore.Created created = store.createOfBatch(request, requestedBy, clock.instant());
            id = created.queryId();
            packs = created.packs();
        }
        audit.record(AuditEvent.success(requestedBy, "PACK_STATE_QUERY_SUBMITTED").on(AUDIT_OBJECT, id)
                .details(request.scope() + (request.product() == null ? "" : " " + request.product() + "/" + request.batchId())
                        + (request.sweep() == null ? "" : " sweep " + request.sweep()) + ", " + packs + " packs"));
        wake.run();
        return store.find(id).orElseThrow();
    }

    public Optional<PackStateQueryStatus> find(String queryId) {
        return store.find(queryId);
    }

    public List<PackStateQueryStatus> latest(int limit) {
        return store.latest(limit);
    }

    public List<PackStateCount> counts(String queryId) {
        return answers.counts(queryId);
    }

    public List<PackAnswerRows.ResultRow> page(String queryId, int offset, int limit) {
        return answers.page(queryId, offset, limit);
    }

    /** RUNNING and PAUSED queries, for a gauge: a query paused for long means the Hub has been unavailable. */
    public java.util.Map<QueryState, Long> unfinished() {
        return store.unfinished();
    }

    PackStateQueryStore store() {
        return store;
    }
}
