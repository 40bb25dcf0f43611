package io.cmohub.connector.epcis;

/**
 * What the XML and JSON-LD readers report while reading a document: events and their fields, and
 * document-level facts. {@link DocumentSession} acts on them at once; {@link ReaderPipeline} records
 * them for the caller's thread to act on, so reading and checking run on two cores.
 */
interface DocumentEvents {

    /** The fields of one event; the type may come late (JSON-LD). */
    interface EventFields extends EventTreeListener {
        void type(String eventTypeName);

        /**
         * An entry of the EPC list now open, already read by an {@link EpcReading} (on the reader
         * thread): its leaf digest words, GTIN, or the rule it breaks (then the words are unused).
         */
        void readEpc(String epc, long d0, long d1, long d2, long d3, String gtin, String error);
    }

    /** Starts an event; {@code type} is null when the syntax names it among the fields. */
    EventFields beginEvent(String type);

    /** Ends the event that began last; false when the document stops here. */
    boolean endEvent(int line);

    void masterDataElement();

    /** Whether the document has been stopped (a failure was reported); readers stop reading then. */
    boolean stopped();

    void fail(String location, String reason);

    void sender(String value);

    void requireSender();

    void finish(boolean masterDataDocument);
}
