package io.cmohub.connector.epcis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * GS1's standard event hash (CBV 2.0 "Event hash", {@code ni:///sha-256;<hex>?ver=CBV2.0}), the id
 * other EPCIS repositories compute for the same event whatever syntax, version or field order it
 * came in. Fields arrive as the readers report them ({@link EventTreeListener}); they are buffered
 * (GS1 sorts them) except the EPC lists, which the caller keeps sorted and {@link #finish} streams.
 * Reusable one event after another; not thread-safe.
 */
final class Gs1EventHash implements EventTreeListener {
    static final String VERSION = "CBV2.0";
    static final int DEFAULT_FIELD_LIMIT = 100_000;
    /** Characters of buffered field values per event: the field cap alone would let 100,000 values of a megabyte each in. */
    static final int CHARACTER_LIMIT = 16 * 1024 * 1024;

    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String GS1_VOC = "https://gs1.org/voc/";
    /** Prefixes GS1's reference expands in XML values; in JSON-LD the context does the same. */
    private static final Map<String, String> VALUE_PREFIXES = Map.of("gs1:", GS1_VOC, "cbv:", CBV);

    private final int fieldLimit;
    private final MessageDigest sha256;
    private final DigestInput digestInput = new DigestInput();

    /**
     * The pre-hash on its way into the digest, gathered in a buffer: an event of a million EPCs
     * writes two million small pieces, and each {@code MessageDigest.update} call has its own cost.
     */
    private final class DigestInput implements Gs1PreHash.Output {
        private final byte[] buffer = new byte[16 * 1024];
        private int used;

        @Override
        public void text(String text) {
            int n = text.length();
            if (n <= buffer.length - used) {
                // ASCII, nearly always: straight into the buffer, no byte array per field
                int i = 0;
                for (; i < n; i++) {
                    char c = text.charAt(i);
                    if (c >= 0x80) {
                        break;
                    }
                    buffer[used + i] = (byte) c;
                }
                if (i == n) {
                    used += n;
                    return;
                }
            }
            if (n > 0) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                bytes(bytes, 0, bytes.length);
            }
        }

        @Override
        public void bytes(byte[] bytes, int offset, int length) {
            if (length > buffer.length - used) {
                flush();
                if (length > buffer.length) {
                    sha256.update(bytes, offset, length);
                    return;
                }
            }
            System.arraycopy(bytes, offset, buffer, used, length);
            used += length;
        }

        void flush() {
            sha256.update(buffer, 0, used);
            used = 0;
        }
    }
    private final List<Gs1FieldNode> open = new ArrayList<>();
    private Gs1FieldNode event;
    private String eventType;
    private int fields;
    private long characters;
    private int skippedDepth;

    Gs1EventHash() {
        this(DEFAULT_FIELD_LIMIT);
    }

    Gs1EventHash(int fieldLimit) {
        this.fieldLimit = fieldLimit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        begin(null);
    }

    /** Starts an event; {@code eventType} may be null and given later by {@link #type} (JSON-LD may name it last). */
    void begin(String eventType) {
        this.eventType = eventType;
        event = new Gs1FieldNode("");
        open.clear();
        open.add(event);
        fields = 0;
        characters = 0;
        skippedDepth = 0;
    }

    void type(String eventTypeName) {
        eventType = eventTypeName;
    }

    /** Whether the event had more fields than the limit; {@link #finish} then throws {@link Gs1TooManyFieldsException}. */
    boolean tooManyFields() {
        return fields > fieldLimit;
    }

    @Override
    public void start(String name) {
        if (skippedDepth > 0 || ignored(name) || (open.size() == 1 && EpcList.of(name) != null) || !count()) {
            skippedDepth++; // the EPC lists come sorted at the end; anything inside an ignored field is ignored
            return;
        }
        Gs1FieldNode node = new Gs1FieldNode(name.isEmpty() ? entryName(current().name) : hashName(name));
        current().children.add(node);
        open.add(node);
    }

    @Override
    public void end() {
        if (skippedDepth > 0) {
            skippedDepth--;
        } else if (open.size() > 1) {
            open.remove(open.size() - 1);
        }
    }

    @Override
    public void value(String name, String text) {
        if (skippedDepth > 0 || ignored(name) || !count()) {
            return;
        }
        characters += text.length();
        if (characters > CHARACTER_LIMIT) {
            fields = fieldLimit + 1; // refused as too large, like too many fields; nothing more is buffered
            return;
        }
        Gs1FieldNode parent = current();
        String value = expand(parent, name, text.strip());
        // XML text beside attributes comes as a field named like its element; JSON-LD writes it "#text"
        if (open.size() > 1 && (name.equals("#text") || hashName(name).equals(parent.name)) && parent.text.isEmpty()) {
            parent.text = value;
            return;
        }
        parent.children.add(new Gs1FieldNode(hashName(name), value));
    }

    /** The event's id. */
    String finish(SortedEpcs epcs) {
        sha256.reset();
        write(epcs, digestInput);
        digestInput.flush();
        return "ni:///sha-256;" + HexFormat.of().formatHex(sha256.digest()) + "?ver=" + VERSION;
    }

    /** The pre-hash string GS1's reference would print for the event (tests and diagnosis; builds the whole string). */
    String preHash(SortedEpcs epcs) {
        StringBuilder out = new StringBuilder();
        write(epcs, new Gs1PreHash.Output() {
            @Override
            public void text(String text) {
                out.append(text);
            }

            @Override
            public void bytes(byte[] bytes, int offset, int length) {
                out.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private void write(SortedEpcs epcs, Gs1PreHash.Output out) {
        requireWithinLimit();
        Gs1PreHash.write(eventTypeOrEmpty(), event, new Gs1PreHash.Sink() {
            @Override
            public void text(String text) {
                out.text(text);
            }

            @Override
            public void epcs(EpcList list) {
                Gs1PreHash.writeEpcs(list, epcs, out);
            }
        });
    }

    private void requireWithinLimit() {
        if (tooManyFields()) {
            throw new Gs1TooManyFieldsException(fieldLimit);
        }
    }

    private String eventTypeOrEmpty() {
        return eventType == null ? "" : eventType.strip();
    }

    private Gs1FieldNode current() {
        return open.get(open.size() - 1);
    }

    /** Counts one more buffered field; past the limit nothing more is buffered (the event will be refused). */
    private boolean count() {
        fields++;
        return fields <= fieldLimit;
    }

    /** JSON-LD comments are not content (GS1's reference drops them); EPC entries should not come as values, and do not count. */
    private boolean ignored(String name) {
        if (name.equals("comment") || name.equals("rdfs:comment") || name.equals("{http://www.w3.org/2000/01/rdf-schema}comment")) {
            return true;
        }
        return name.isEmpty() && open.size() == 2 && EpcList.of(current().name) != null;
    }

    /** The readers name list entries ""; GS1 names them as EPCIS XML does. */
    private static String entryName(String list) {
        return switch (list) {
            case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" -> "quantityElement";
            case "sensorElementList" -> "sensorElement";
            default -> "";
        };
    }

    /**
     * Extension field names as GS1 writes them, {@code {namespace}local}. The readers drop a trailing
     * '/' or '#' from namespaces (see {@link FieldNames}); GS1 keeps the namespace as written, and
     * writes web namespaces with the trailing '/' that JSON-LD contexts need, so that is restored.
     */
    static String hashName(String name) {
        int close = name.indexOf('}');
        if (!name.startsWith("{") || close < 0) {
            return name; // a JSON key may start with '{' without being a namespaced name
        }
        String namespace = name.substring(1, close);
        boolean web = namespace.startsWith("http://") || namespace.startsWith("https://");
        return web ? "{" + namespace + "/}" + name.substring(close + 1) : name;
    }

    /** A bare vocabulary term ("ADD", "in_progress"): [A-Za-z][A-Za-z0-9_]*, checked once per field value without a regex engine. */
    private static boolean bareTerm(String text) {
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Compact values as their full URIs: "gs1:"/"cbv:" prefixes, and the bare CBV terms JSON-LD allows
     * (bizStep "shipping", disposition "in_transit", type "po", sensor type "Temperature", ...), which
     * GS1's reference expands through the EPCIS context.
     */
    private String expand(Gs1FieldNode parent, String name, String text) {
        for (Map.Entry<String, String> prefix : VALUE_PREFIXES.entrySet()) {
            if (text.startsWith(prefix.getKey())) {
                return prefix.getValue() + text.substring(prefix.getKey().length());
            }
        }
        if (!bareTerm(text)) {
            return text;
        }
        String vocabulary = vocabulary(parent, name);
        return vocabulary == null ? text : vocabulary + text;
    }

    private String vocabulary(Gs1FieldNode parent, String name) {
        String list = open.size() > 2 ? open.get(1).name : "";
        return switch (name) {
            case "bizStep" -> open.size() == 1 ? CBV + "BizStep-" : null;
            case "disposition" -> open.size() == 1 ? CBV + "Disp-" : null;
            case "set", "unset" -> parent.name.equals("persistentDisposition") ? CBV + "Disp-" : null;
            case "type" -> switch (list) {
                case "bizTransactionList" -> CBV + "BTT-";
                case "sourceList", "destinationList" -> CBV + "SDT-";
                case "sensorElementList" -> parent.name.equals("sensorReport") ? GS1_VOC : null;
                default -> null;
            };
            case "exception" -> parent.name.equals("sensorReport") ? GS1_VOC : null;
            case "component" -> parent.name.equals("sensorReport") ? CBV + "Comp-" : null;
            default -> null;
        };
    }
}
