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

    static String namespaceKey(String namespace) {
        String ns = namespace.strip();
        while (!ns.isEmpty() && (ns.endsWith("#") || ns.endsWith("/"))) {
            ns = ns.substring(0, ns.length() - 1);
        }
        return ns;
    }
}
