package io.cmohub.connector.epcis;

/**
 * One EPCIS event as a tree of named fields, the same whichever syntax it came in. The readers map
 * their syntax onto it: XML attributes and JSON properties both become values; a list wrapper
 * (epcList, quantityList, bizTransactionList, ...) becomes a node whose entries are named ""; a
 * repeated XML element and a JSON array under a non-wrapper name both become repeated fields; the
 * EPCIS 1.2 {@code <extension>} wrappers vanish; extension fields are named {@code {namespace}local}.
 */
interface EventTreeListener {
    void start(String name);

    void end();

    void value(String name, String text);

    /**
     * An entry of a value list (epcList, childEPCs, ...; named "" like every list entry) as
     * characters {@code [start, start + length)}, valid only during the call. Readers use it where
     * a document has millions of entries, so that a listener that needs no string makes none.
     */
    default void listEntry(char[] text, int start, int length) {
        value("", new String(text, start, length));
    }
}
