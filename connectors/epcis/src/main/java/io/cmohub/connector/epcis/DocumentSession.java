package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;

/**
 * The state of reading one document, shared by the XML and JSON-LD readers: event numbering, the
 * lifecycle ledger, the SBDH sender check, master data, and document-level failure.
 */
final class DocumentSession implements DocumentEvents {
    private final RecordSink sink;
    private final EpcisSettings settings;
    private final PartnerId partner;
    private final LifecycleLedger ledger;
    private final EventAssembler assembler;
    private long events;
    private long masterDataElements;
    private String sender;
    private boolean stopped;

    DocumentSession(RecordSink sink, EpcisSettings settings, PartnerId partner) {
        this.sink = sink;
        this.settings = settings;
        this.partner = partner;
        this.ledger = new LifecycleLedger(settings.lifecycleMaxEpcs());
        this.assembler = new EventAssembler(settings, partner, ledger);
    }

    @Override
    public EventAssembler beginEvent(String type) {
        assembler.begin(type);
        return assembler;
    }

    /** Reports the event that began last; false when the document must stop here. */
    @Override
    public boolean endEvent(int line) {
        return finishEvent(assembler, line);
    }

    /** A new assembler for one event, sharing this document's lifecycle ledger ({@link EventPipeline} keeps several). */
    EventAssembler newAssembler() {
        return new EventAssembler(settings, partner, ledger);
    }

    /** Reports an event the assembler has collected; false when the document must stop here. */
    boolean finishEvent(EventAssembler collected, int line) {
        events++;
        String location = "event " + events + (line > 0 ? " (line " + line + ")" : "");
        if (collected.finish(location, sink) == EventAssembler.Next.STOP) {
            stopped = true;
        }
        return !stopped;
    }

    @Override
    public void masterDataElement() {
        masterDataElements++;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void fail(String location, String reason) {
        if (!stopped) {
            stopped = true;
            sink.failed(location, new FieldError(null, reason));
        }
    }

    /**
     * The SBDH (or JSON-LD pseudo-header) sender. The partner is the one the gateway authenticated;
     * a document naming another sender than the one configured for that partner is refused whole,
     * because its events would be attributed to the wrong company.
     */
    @Override
    public void sender(String value) {
        sender = value == null ? null : value.strip();
        if (settings.expectedSender() != null && sender != null && !sameParty(sender, settings.expectedSender())) {
            fail("document", "the document's sender " + sender + " is not the sender configured for partner " + partner
                    + " (expected-sender " + settings.expectedSender() + ")");
        }
    }

    /** Called when the events start (XML) or the document ends: a configured sender must have been named by then. */
    @Override
    public void requireSender() {
        if (settings.expectedSender() != null && sender == null) {
            fail("document", "the document names no sender (SBDH Sender Identifier), but partner " + partner
                    + " is configured with expected-sender " + settings.expectedSender());
        }
    }

    /** Ends the document; reports what cannot be a record by itself. */
    @Override
    public void finish(boolean masterDataDocument) {
        if (stopped) {
            return;
        }
        requireSender();
        if (!stopped && events == 0 && (masterDataDocument || masterDataElements > 0)) {
            fail("document", "the document holds EPCIS master data (" + masterDataElements
                    + " vocabulary elements) and no events; cmo-hub has no canonical product master record, so master data is not imported");
        }
    }

    /** Lets go of the event being read, if reading stopped inside it. */
    void discard() {
        assembler.discard();
    }

    long events() {
        return events;
    }

    private static boolean sameParty(String a, String b) {
        return party(a).equals(party(b));
    }

    /** A GLN however it is written (SGLN/PGLN URN, Digital Link, 13 digits), else the text itself. */
    private static String party(String id) {
        try {
            EpcIdentifier parsed = EpcIdentifier.parse(id);
            return parsed.gln() != null ? parsed.gln() : parsed.canonical();
        } catch (InvalidValueException e) {
            return id;
        }
    }
}
