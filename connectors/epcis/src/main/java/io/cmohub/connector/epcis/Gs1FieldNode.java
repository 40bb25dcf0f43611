package io.cmohub.connector.epcis;

import java.util.ArrayList;
import java.util.List;

/** One buffered field of an event for {@link Gs1EventHash}: a name, its own text (canonical already) and its fields. */
final class Gs1FieldNode {
    final String name;
    String text = "";
    final List<Gs1FieldNode> children = new ArrayList<>(4);

    Gs1FieldNode(String name) {
        this.name = name;
    }

    Gs1FieldNode(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** A copy holding only {@code kept} as fields: what is left of this field once the standard part of it was written. */
    Gs1FieldNode with(List<Gs1FieldNode> kept) {
        Gs1FieldNode copy = new Gs1FieldNode(name, text);
        copy.children.addAll(kept);
        return copy;
    }
}
