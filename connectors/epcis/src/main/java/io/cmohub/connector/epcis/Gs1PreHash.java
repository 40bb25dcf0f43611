package io.cmohub.connector.epcis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one event's CBV 2.0 pre-hash string (GS1 reference: derive_prehashes_from_events with
 * version CBV2.0), part by part, into a {@link Sink}, which streams the EPC lists into its
 * {@link Output} (the digest, or a text for tests) where the order puts them.
 *
 * <p>The string is: {@code eventType=...}; the standard fields in {@link Gs1PropertyOrder} (field
 * name, {@code =value} when it has one, then its own fields; repeated fields sorted; empty ones
 * left out); the ILMD; then extension fields that sit inside standard fields, prefixed with the
 * names of the fields they sit in; then the event's own extension fields, sorted. Nothing separates
 * the parts.
 */
final class Gs1PreHash {
    /** Fields that are not what happened: left out of the hash (GS1 reference, CBV 2.0). */
    private static final Set<String> NOT_HASHED = Set.of("recordTime", "eventID", "type", "errorDeclaration", "certificationInfo");
    /** Python compares strings by code point; String.compareTo by UTF-16 unit, which differs above U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private static final byte[] EPC = "epc=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Where the pre-hash goes: text for the buffered fields, and the places of the EPC lists, which the sink streams itself ({@link #writeEpcs}). */
    interface Sink {
        void text(String text);

        void epcs(EpcList list);
    }

    /** Where a sink streams an EPC list: text for the list's name, bytes for its entries. */
    interface Output {
        void text(String text);

        void bytes(byte[] bytes, int offset, int length);
    }

    private Gs1PreHash() {
    }

    static void write(String eventType, Gs1FieldNode event, Sink sink) {
        sink.text("eventType=");
        sink.text(eventType);
        // the event's fields by their place in the order, in one pass: most of the order's places are empty
        List<Gs1PropertyOrder> order = Gs1PropertyOrder.EVENT;
        @SuppressWarnings("unchecked")
        List<Gs1FieldNode>[] present = new List[order.size()];
        for (Gs1FieldNode f : event.children) {
            int position = Gs1PropertyOrder.eventPosition(f.name);
            if (position >= 0) {
                if (present[position] == null) {
                    present[position] = new ArrayList<>(1);
                }
                present[position].add(f);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            Gs1PropertyOrder field = order.get(i);
            if (field.epcList() != null) {
                sink.epcs(field.epcList());
            } else if (present[i] != null) {
                sink.text(sortedFields(present[i], field));
            }
        }
        List<Gs1FieldNode> rest = residual(event.children, Gs1PropertyOrder.EVENT);
        List<Gs1FieldNode> ilmd = new ArrayList<>(1);
        rest.removeIf(f -> f.name.equals("ilmd") && ilmd.add(f));
        sink.text(generic(ilmd));
        Set<Gs1FieldNode> written = new HashSet<>();
        for (Gs1PropertyOrder field : Gs1PropertyOrder.EVENT) {
            if (!field.fields().isEmpty()) {
                for (Gs1FieldNode f : rest) {
                    if (f.name.equals(field.name())) {
                        String inner = fieldExtensions(f.children, field.fields());
                        if (!inner.isEmpty()) {
                            sink.text(field.written() + inner);
                            written.add(f);
                        }
                    }
                }
            }
        }
        rest.removeIf(f -> written.contains(f) || NOT_HASHED.contains(f.name));
        sink.text(generic(rest));
    }

    /** "epcList" and then "epc=" and each canonical EPC, in the order given (sorted), or nothing for an empty list. */
    static void writeEpcs(EpcList list, SortedEpcs epcs, Output sink) {
        boolean[] any = {false};
        epcs.forEach(list, (bytes, offset, length) -> {
            if (!any[0]) {
                any[0] = true;
                sink.text(list.field());
            }
            sink.bytes(EPC, 0, EPC.length); // once per entry of a list that may hold a million: no String on the way
            sink.bytes(bytes, offset, length);
        });
    }

    /** All fields named as {@code order} says, each written by its sub-order, sorted. */
    private static String sortedFields(List<Gs1FieldNode> fields, Gs1PropertyOrder order) {
        List<String> written = new ArrayList<>(2);
        for (Gs1FieldNode f : fields) {
            if (f.name.equals(order.name())) {
                String s = standard(f, order);
                if (!s.isEmpty()) {
                    written.add(s);
                }
            }
        }
        if (written.size() == 1) {
            return written.get(0);
        }
        written.sort(CODE_POINT_ORDER);
        return String.join("", written);
    }

    private static String standard(Gs1FieldNode field, Gs1PropertyOrder order) {
        StringBuilder inner = new StringBuilder();
        if (order.pairs()) {
            inner.append(pairs(field));
        } else if (!field.children.isEmpty()) {
            for (Gs1PropertyOrder sub : order.fields()) {
                inner.append(sortedFields(field.children, sub));
            }
        }
        String text = field.text.isEmpty() ? "" : order.timestamp() ? Gs1CanonicalValue.time(field.text) : Gs1CanonicalValue.of(field.text);
        if (text.isEmpty() && inner.isEmpty()) {
            return "";
        }
        return order.written() + (text.isEmpty() ? "" : "=" + text) + inner;
    }

    /** bizTransaction, source and destination entries: type first, then the value; the entries sorted. */
    private static String pairs(Gs1FieldNode list) {
        List<String> entries = new ArrayList<>(list.children.size());
        for (Gs1FieldNode entry : list.children) {
            if (entry.children.isEmpty()) {
                if (!entry.text.isEmpty()) {
                    entries.add(entry.name + "=" + Gs1CanonicalValue.of(entry.text));
                }
                continue;
            }
            StringBuilder type = new StringBuilder();
            StringBuilder value = new StringBuilder();
            for (Gs1FieldNode f : entry.children) {
                String text = Gs1CanonicalValue.of(f.text);
                if (text.isEmpty()) {
                    continue;
                }
                (f.name.equals("type") ? type : value).append(f.name).append('=').append(text);
            }
            if (!type.isEmpty() || !value.isEmpty()) {
                entries.add(type.append(value).toString());
            }
        }
        entries.sort(CODE_POINT_ORDER);
        return String.join("", entries);
    }

    /** What is left of {@code fields} once the standard part is written: fields the order does not name, and what they hold. */
    private static List<Gs1FieldNode> residual(List<Gs1FieldNode> fields, List<Gs1PropertyOrder> order) {
        List<Gs1FieldNode> rest = new ArrayList<>();
        for (Gs1FieldNode f : fields) {
            Gs1PropertyOrder known = find(order, f.name);
            if (known == null) {
                rest.add(f);
            } else if (known.leaf()) {
                if (!f.children.isEmpty()) {
                    rest.add(f);
                }
            } else if (!known.fields().isEmpty()) {
                List<Gs1FieldNode> inner = residual(f.children, known.fields());
                if (!inner.isEmpty()) {
                    rest.add(f.with(inner));
                }
            }
        }
        return rest;
    }

    private static Gs1PropertyOrder find(List<Gs1PropertyOrder> order, String name) {
        for (Gs1PropertyOrder o : order) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Extension fields inside a standard field (CBV 2.0 rule: after the ILMD, prefixed by the path of
     * standard field names): those of its standard sub-fields first, then its own, sorted. Any
     * namespaced field counts, as CBV says and OpenEPCIS does; GS1's Python reference counts only
     * namespaces ending in '/' (a text test, "/}" in the name) and writes the others with the event's
     * extensions under the standard field's name, which no other implementation does.
     */
    private static String fieldExtensions(List<Gs1FieldNode> fields, List<Gs1PropertyOrder> order) {
        StringBuilder parts = new StringBuilder();
        for (Gs1PropertyOrder sub : order) {
            if (sub.fields().isEmpty()) {
                continue;
            }
            for (Gs1FieldNode f : fields) {
                if (f.name.equals(sub.name())) {
                    String inner = fieldExtensions(f.children, sub.fields());
                    if (!inner.isEmpty()) {
                        parts.append(sub.written()).append(inner);
                    }
                }
            }
        }
        List<Gs1FieldNode> direct = new ArrayList<>();
        for (Gs1FieldNode f : fields) {
            if (f.name.startsWith("{")) {
                direct.add(f);
            }
        }
        return parts.append(generic(direct)).toString();
    }

    /** Fields outside the property order (ILMD, extensions): name, "=value", their own fields; sorted. */
    static String generic(List<Gs1FieldNode> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        List<String> written = new ArrayList<>(fields.size());
        boolean keepOrder = false;
        for (Gs1FieldNode f : fields) {
            String text = Gs1CanonicalValue.of(f.text);
            written.add(f.name + (text.isEmpty() ? "" : "=" + text) + generic(f.children));
            keepOrder |= f.name.equals("bizTransaction") || f.name.equals("source") || f.name.equals("destination");
        }
        if (!keepOrder) {
            written.sort(CODE_POINT_ORDER);
        }
        return String.join("", written);
    }
}
