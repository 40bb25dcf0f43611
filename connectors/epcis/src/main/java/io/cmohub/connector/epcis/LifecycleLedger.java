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
    private final int maxEpcs;

    LifecycleLedger(int maxEpcs) {
        this.maxEpcs = maxEpcs;
        this.commissioned = new FingerprintSet(1024, maxEpcs);
    }

    boolean isCommissioned(long fingerprint) {
        return commissioned.contains(fingerprint);
    }

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
}
