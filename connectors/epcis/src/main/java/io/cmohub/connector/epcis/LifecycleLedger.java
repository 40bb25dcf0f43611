package io.cmohub.connector.epcis;

/**
 * What one document has commissioned so far, as EPC fingerprints in bounded memory: the ground for
 * the rules "commission before aggregate or ship", "aggregation parents and children are
 * commissioned" and "no EPC is commissioned twice". The rules look at the document alone and in
 * document order: an EPC commissioned in an earlier upload is unknown here (turn the checks off for
 * partners whose documents are not self-contained).
 */
final class LifecycleLedger {
    private final FingerprintSet commissioned;
    /** Event ids (GS1 hashes) of the commissioning events accepted in this document, which an error declaration may retract. */
    private final FingerprintSet commissioningEvents = new FingerprintSet(64);
    private final int maxEpcs;

    LifecycleLedger(int maxEpcs) {
        this.maxEpcs = maxEpcs;
        this.commissioned = new FingerprintSet(1024);
    }

    boolean isCommissioned(long fingerprint) {
        return commissioned.contains(fingerprint);
    }

    /**
     * Touches the table slots of EPCs {@code [from, to)} of a spool before they are looked up one by
     * one. The ledger is a large table read at random, so each lookup is a cache miss; loads that do
     * not depend on each other are in flight together, so fetching a batch first turns a series of
     * misses into about one (Java has no prefetch instruction; an ordinary load does the same here).
     */
    void prefetch(EpcSpool spool, int from, int to) {
        // Fingerprints first, loads after: a load's miss overlaps only with work the processor can
        // see ahead of it, and sixteen fingerprint computations between two loads are too many.
        spool.fingerprint(to - 1);
        long touched = 0;
        for (int i = from; i < to; i++) {
            touched ^= commissioned.slot(spool.fingerprint(i));
        }
        sink = touched;
    }

    /** Keeps the prefetching loads from being optimised away. */
    @SuppressWarnings("unused")
    private long sink;

    /** Whether {@code more} EPCs still fit. */
    boolean hasRoomFor(int more) {
        return (long) commissioned.size() + more <= maxEpcs;
    }

    int maxEpcs() {
        return maxEpcs;
    }

    void commission(long fingerprint) {
        commissioned.add(fingerprint);
    }

    /** The event {@code eventId} commissioned what was just {@link #commission}ed. */
    void commissionedBy(String eventId) {
        commissioningEvents.add(Fingerprint.of(eventId));
    }

    /**
     * An error declaration of event {@code eventId} was accepted: true if that event commissioned
     * EPCs earlier in this document, which the caller then {@link #decommission}s, so that a corrected
     * commissioning of the same EPCs later in the document is not taken for a second one. False for
     * an event of another upload, or one this document did not accept: its EPCs were not
     * commissioned here, or were commissioned by another event, which the declaration does not undo.
     */
    boolean retract(String eventId) {
        return commissioningEvents.remove(Fingerprint.of(eventId));
    }

    void decommission(long fingerprint) {
        commissioned.remove(fingerprint);
    }
}
