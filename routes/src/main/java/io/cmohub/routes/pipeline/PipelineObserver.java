package io.cmohub.routes.pipeline;

/**
 * Hooks for metrics: the pipeline reports what it did, the host decides how to count it (the
 * gateway uses Micrometer). Implementations must be fast and must not throw.
 */
public interface PipelineObserver {
    PipelineObserver NONE = new PipelineObserver() {
    };

    /** A document reached its final status. */
    default void documentCompleted(String partner, String format, String status, long sourceEvents, long published, long duplicates,
                                   long rejectedRecords) {
    }

    /** A batch of events was published; {@code nanos} is the broker transaction's duration. */
    default void batchPublished(int events, long nanos) {
    }
}
