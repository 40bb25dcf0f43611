package io.cmohub.coordination.packstates;

/** Where a pack-state query stands. */
public enum QueryState {
    /** Packs are being asked (or wait for a node to take the query up). */
    RUNNING,
    /** The Hub's circuit is open or the Hub failed: the query waits until {@code resumeAt}, then goes on where it stopped. */
    PAUSED,
    /** Every pack was asked. */
    COMPLETED
}
