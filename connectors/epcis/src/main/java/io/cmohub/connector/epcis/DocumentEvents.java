package io.cmohub.connector.epcis;

/**
 * What the XML and JSON-LD readers report while reading a document: events and their fields, and
 * document-level facts, which {@link DocumentSession} acts on.
 */
interface DocumentEvents {

    /** The fields of one event; the type may come late (JSON-LD). */
    interface EventFields extends EventTreeListener {
        void type(String eventTypeName);
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
