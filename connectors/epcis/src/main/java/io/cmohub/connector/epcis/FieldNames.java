package io.cmohub.connector.epcis;

/**
 * Names of extension fields, the same in both syntaxes: {@code {namespace}local}. XML gives the
 * namespace directly; JSON-LD gives a prefix that the {@code @context} maps to it. Prefixes do not
 * count (ext1:x and ext2:x in the same namespace are one field), and a trailing '#' or '/' on the
 * namespace is dropped because the JSON-LD context of CBV writes "urn:epcglobal:cbv:mda#" where XML
 * writes "urn:epcglobal:cbv:mda".
 */
final class FieldNames {
    private FieldNames() {
    }

    static String qualified(String namespace, String local) {
        return "{" + namespaceKey(namespace) + "}" + local;
    }

    /**
     * The name a field has in the event hash: an extension field is known there by its local name
     * only. A JSON-LD document may put its {@code @context} after the events (GS1's own
     * TransactionEvent example does), and a streaming reader has hashed those events by then; with
     * local names their ids do not depend on where the context is. The cost: two extension fields
     * that differ only in namespace count as the same field for the id (their values still count).
     */
    static String forHash(String name) {
        if (name.isEmpty()) {
            return name;
        }
        if (name.charAt(0) == '{') {
            return "ext:" + name.substring(name.indexOf('}') + 1);
        }
        int colon = name.indexOf(':');
        return colon > 0 && !name.startsWith("//", colon + 1) ? "ext:" + name.substring(colon + 1) : name;
    }

    static String namespaceKey(String namespace) {
        String ns = namespace.strip();
        while (!ns.isEmpty() && (ns.endsWith("#") || ns.endsWith("/"))) {
            ns = ns.substring(0, ns.length() - 1);
        }
        return ns;
    }
}
