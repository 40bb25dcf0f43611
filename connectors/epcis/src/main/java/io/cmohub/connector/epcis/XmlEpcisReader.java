package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads EPCIS 1.2 and 2.0 XML (capture, query and master-data documents) with one StAX cursor pass.
 * Only the current event's fields are held; its EPCs go to the assembler one by one.
 */
final class XmlEpcisReader {
    private static final Set<String> NAMESPACES = Set.of(
            "urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2",
            "urn:epcglobal:epcis-query:xsd:1", "urn:epcglobal:epcis-query:xsd:2",
            "urn:epcglobal:epcis-masterdata:xsd:1", "urn:epcglobal:epcis-masterdata:xsd:2");
    private static final Set<String> ROOTS = Set.of("EPCISDocument", "EPCISQueryDocument", "EPCISMasterDataDocument");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SBDH = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    /** List wrappers whose entries are plain values. */
    private static final Set<String> VALUE_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList", "correctiveEventIDs");
    /** List wrappers whose entries are a value with attributes, written as objects in JSON-LD. */
    private static final Set<String> OBJECT_LISTS = Set.of("bizTransactionList", "sourceList", "destinationList");
    /** List wrappers whose entries are elements with children. */
    private static final Set<String> ELEMENT_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList",
            "sensorElementList");

    private final XMLInputFactory factory;
    private char[] entry = new char[256];

    XmlEpcisReader(XMLInputFactory factory) {
        this.factory = factory;
    }

    /** Reads the document; XML errors escape as {@link XMLStreamException} for the parser to report. */
    void read(java.io.InputStream in, DocumentEvents session) throws XMLStreamException {
        XMLStreamReader r = factory.createXMLStreamReader(in);
        try {
            // not nextTag(): a DOCTYPE may come first (it is read, never acted on: HardenedXml)
            while (r.next() != XMLStreamConstants.START_ELEMENT) {
                if (!r.hasNext()) {
                    session.fail("document", "the XML document has no root element");
                    return;
                }
            }
            String root = r.getLocalName();
            String ns = r.getNamespaceURI();
            if (!ROOTS.contains(root) || ns == null || !NAMESPACES.contains(ns)) {
                session.fail("document", "not an EPCIS document: the root element is {" + (ns == null ? "" : ns) + "}" + root
                        + ", expected EPCISDocument, EPCISQueryDocument or EPCISMasterDataDocument of EPCIS 1.x or 2.0");
                return;
            }
            walk(r, session, root);
            if (!session.stopped()) {
                while (r.hasNext()) {
                    r.next(); // lets the parser see (and refuse) anything malformed after the root
                }
            }
            session.finish(root.equals("EPCISMasterDataDocument"));
        } finally {
            r.close();
        }
    }

    private void walk(XMLStreamReader r, DocumentEvents session, String root) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        path.push(root);
        boolean eventsStarted = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (inEventList(path) && !name.equals("extension")) {
                    if (!eventsStarted) {
                        eventsStarted = true;
                        session.requireSender();
                        if (session.stopped()) {
                            return;
                        }
                    }
                    int line = r.getLocation().getLineNumber();
                    DocumentEvents.EventFields assembler = session.beginEvent(name);
                    readChildren(r, assembler);
                    if (!session.endEvent(line)) {
                        return;
                    }
                    continue;
                }
                if (name.equals("StandardBusinessDocumentHeader") && SBDH.equals(r.getNamespaceURI())) {
                    session.sender(readSender(r));
                    if (session.stopped()) {
                        return;
                    }
                    continue;
                }
                if (name.equals("VocabularyElement")) {
                    session.masterDataElement();
                }
                path.push(name);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.pop();
                if (path.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Inside EventList, possibly through EPCIS 1.x {@code <extension>} wrappers (1.2 nests two for AssociationEvent). */
    private static boolean inEventList(Deque<String> path) {
        for (String ancestor : path) {
            if (!ancestor.equals("extension")) {
                return ancestor.equals("EventList");
            }
        }
        return false;
    }

    /** The Sender's Identifier in an SBDH; reads to the end of the header. */
    private static String readSender(XMLStreamReader r) throws XMLStreamException {
        String sender = null;
        boolean inSender = false;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("Sender")) {
                    inSender = true;
                } else if (inSender && r.getLocalName().equals("Identifier") && sender == null) {
                    sender = text(r);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("Sender")) {
                    inSender = false;
                }
            }
        }
        return sender;
    }

    /** Reads the children of the current element up to its end tag; text between child elements is layout. */
    private void readChildren(XMLStreamReader r, EventTreeListener l) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                readElement(r, l);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    private void readElement(XMLStreamReader r, EventTreeListener l) throws XMLStreamException {
        if ("true".equals(r.getAttributeValue(XSI, "nil"))) {
            skip(r); // xsi:nil is XML's null: the field is absent, as a JSON null is
            return;
        }
        String local = r.getLocalName();
        String ns = r.getNamespaceURI();
        boolean standard = ns == null || ns.isEmpty();
        if (standard && (local.equals("extension") || local.equals("baseExtension"))) {
            // EPCIS 1.2 wraps later fields in <extension>; 2.0 has them in place. Same content, same tree.
            readChildren(r, l);
            return;
        }
        String name = standard ? local : FieldNames.qualified(ns, local);
        if (standard && VALUE_LISTS.contains(local)) {
            l.start(name);
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                listEntry(r, l);
            }
            l.end();
        } else if (standard && OBJECT_LISTS.contains(local)) {
            l.start(name);
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String entry = r.getLocalName();
                l.start("");
                attributes(r, l);
                l.value(entry, text(r));
                l.end();
            }
            l.end();
        } else if (standard && ELEMENT_LISTS.contains(local)) {
            l.start(name);
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                l.start("");
                attributes(r, l);
                readChildren(r, l);
                l.end();
            }
            l.end();
        } else {
            readField(r, l, name);
        }
    }

    /** A field: a leaf when it holds only text, a node when it has attributes or child elements. */
    private void readField(XMLStreamReader r, EventTreeListener l, String name) throws XMLStreamException {
        List<String[]> attributes = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (XSI.equals(r.getAttributeNamespace(i))) {
                continue; // xsi:type says how a value was typed, not what it is
            }
            if (attributes == null) {
                attributes = new ArrayList<>(4);
            }
            attributes.add(new String[] {attributeName(r, i), r.getAttributeValue(i)});
        }
        TextPieces text = new TextPieces();
        boolean node = false;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                if (!node) {
                    text.add(r);
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (!node) {
                    node = true;
                    l.start(name);
                    emit(attributes, l);
                }
                readElement(r, l);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw unexpanded(r);
            }
        }
        if (node) {
            l.end();
            return;
        }
        String value = text.text();
        if (attributes == null) {
            l.value(name, value);
        } else {
            l.start(name);
            emit(attributes, l);
            if (!value.isBlank()) {
                l.value(name, value);
            }
            l.end();
        }
    }

    /**
     * An entry of a value list (an EPC, mostly), handed over as characters: a million EPCs need no
     * million intermediate strings. The parser's buffer is only valid until its next event, and an
     * entry may come in several pieces, so the text is copied into a buffer of our own.
     */
    private void listEntry(XMLStreamReader r, EventTreeListener l) throws XMLStreamException {
        int length = 0;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int n = r.getTextLength();
                    if (length + n > entry.length) {
                        entry = java.util.Arrays.copyOf(entry, Math.max(length + n, entry.length * 2));
                    }
                    System.arraycopy(r.getTextCharacters(), r.getTextStart(), entry, length, n);
                    length += n;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    l.listEntry(entry, 0, length);
                    return;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw unexpanded(r);
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException("element <" + r.getLocalName()
                        + "> inside a list entry that holds only text", r.getLocation());
                default -> {
                    // comments and processing instructions
                }
            }
        }
    }

    /**
     * The text of a simple element. Not getElementText(): it silently drops entity references that
     * are not expanded (HardenedXml expands none), which would turn "1001&x;" into "1001".
     */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        TextPieces text = new TextPieces();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.add(r);
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.text();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw unexpanded(r);
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException("element <" + r.getLocalName()
                        + "> inside a field that holds only text", r.getLocation());
                default -> {
                    // comments and processing instructions
                }
            }
        }
    }

    /** An element's text as the parser hands it over: one piece and one string in the usual case, joined otherwise. */
    private static final class TextPieces {
        private String single;
        private StringBuilder joined;

        void add(XMLStreamReader r) {
            if (single == null && joined == null) {
                single = r.getText();
                return;
            }
            if (joined == null) {
                joined = new StringBuilder(single);
            }
            joined.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }

        String text() {
            return joined != null ? joined.toString() : single == null ? "" : single;
        }
    }

    private static XMLStreamException unexpanded(XMLStreamReader r) {
        return new XMLStreamException("the document uses the entity &" + r.getLocalName()
                + "; which is not expanded (DTD entities are refused: they are how XXE and entity-expansion attacks work)", r.getLocation());
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void attributes(XMLStreamReader r, EventTreeListener l) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (!XSI.equals(r.getAttributeNamespace(i))) {
                l.value(attributeName(r, i), r.getAttributeValue(i));
            }
        }
    }

    private static void emit(List<String[]> attributes, EventTreeListener l) {
        if (attributes != null) {
            for (String[] a : attributes) {
                l.value(a[0], a[1]);
            }
        }
    }

    private static String attributeName(XMLStreamReader r, int i) {
        String ns = r.getAttributeNamespace(i);
        return ns == null || ns.isEmpty() ? r.getAttributeLocalName(i) : FieldNames.qualified(ns, r.getAttributeLocalName(i));
    }
}
