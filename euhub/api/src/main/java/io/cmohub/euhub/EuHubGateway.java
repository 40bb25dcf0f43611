package io.cmohub.euhub;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.util.List;
import java.util.Optional;

/**
 * What the hub asks the EU Hub (or whatever stands in for it on the OBP side): pack, batch, product
 * and upload states. Vendor-neutral on purpose: the real EU Hub interface is under NDA and changes
 * with Hub releases, and a sponsor may reach the Hub through an OBP vendor's API or a file exchange
 * instead. Each of those is one more implementation of this interface; callers do not change, and
 * {@link io.cmohub.euhub.resilience.ResilientEuHubGateway} adds retries, the circuit breaker,
 * the rate limit and the pack-state cache around any of them.
 *
 * <p>Every method is a read-only query, so implementations and decorators may retry them. Failures
 * are {@link EuHubException}s: {@link EuHubTransientException} (worth trying again later),
 * {@link EuHubPermanentException} (will not succeed as asked), {@link EuHubCircuitOpenException}
 * and {@link EuHubRateLimitedException} (refused locally, the Hub was not called). "Not found" is
 * an answer, not a failure: an {@link Optional#empty()} or a {@link PackOutcome}.
 */
public interface EuHubGateway extends AutoCloseable {

    /** The state of one pack, as the Hub knows it now. */
    PackStateResult requestPackState(PackQuery query);

    /**
     * The states of many packs; the results are in the order of {@code queries}, one per query.
     * Implementations split the list into as many Hub calls as their binding needs.
     */
    List<PackStateResult> requestPackStates(List<PackQuery> queries);

    /** The batch's state, recall, uploaded serial count and markets; empty if the Hub has no such batch. */
    Optional<BatchStateReport> requestBatchState(ProductCode product, BatchId batchId);

    /** The product's state in each of its markets; empty if the Hub has no master data for it. */
    Optional<ProductStateReport> requestProductState(ProductCode product);

    /** How an upload (master data or pack data) was processed; empty if the Hub knows no such upload. */
    Optional<UploadStatus> requestUploadStatus(String uploadRef);

    /** Releases connections and threads. Does not throw. */
    @Override
    default void close() {
    }
}
