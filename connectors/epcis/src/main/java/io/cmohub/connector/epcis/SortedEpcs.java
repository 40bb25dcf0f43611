package io.cmohub.connector.epcis;

/**
 * The EPC lists of one event, handed to {@link Gs1EventHash} at the event's end. GS1's event hash
 * sorts each list, and a list can hold a million entries, so the caller sorts them where it keeps
 * them (spooled, off the heap) and the hash only streams them into its digest.
 */
interface SortedEpcs {

    /** The canonical forms of one EPC list's entries, in ascending UTF-8 byte order. */
    void forEach(EpcList list, EpcBytes consumer);

    /** One entry: its canonical GS1 Digital Link (or, for a non-GS1 identifier, its trimmed text) in UTF-8. */
    interface EpcBytes {
        void accept(byte[] bytes, int offset, int length);
    }

    /** For events without EPC lists. */
    SortedEpcs NONE = (list, consumer) -> {
    };
}
