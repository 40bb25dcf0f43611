package io.cmohub.connector.epcis;

/** The canonical forms of one EPC list's entries, in ascending UTF-8 byte order. */
interface SortedEpcs {
    void forEach(EpcList list, EpcBytes consumer);

    interface EpcBytes {
        void accept(byte[] bytes, int offset, int length);
    }
}
