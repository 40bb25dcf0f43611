package io.cmohub.connector.epcis;

import java.util.List;

/**
 * CBV 2.0's canonical property order for the event hash (section 8.9.2; GS1 reference PROP_ORDER):
 * the standard fields in the order they are written, each with the order of its own fields.
 *
 * @param name     the field's name in the event tree
 * @param fields   the order of its fields; empty for a field that is a plain value
 * @param epcList  the EPC list this field is, streamed from {@link SortedEpcs} rather than buffered
 * @param pairs    a list whose entries are written type first, then their value (bizTransaction, source, destination)
 * @param timestamp whether its value is a time: GS1 treats any standard field whose name says "time" (but not "offset") as one
 */
record Gs1PropertyOrder(String name, List<Gs1PropertyOrder> fields, EpcList epcList, boolean pairs, boolean timestamp) {

    private static final List<Gs1PropertyOrder> QUANTITY_ELEMENT = List.of(node("quantityElement", leaves("epcClass", "quantity", "uom")));
    private static final List<Gs1PropertyOrder> SENSOR_ELEMENT = List.of(node("sensorElement", List.of(
            node("sensorMetadata", leaves("time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod",
                    "bizRules")),
            node("sensorReport", leaves("type", "exception", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "time",
                    "microorganism", "chemicalSubstance", "value", "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue",
                    "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem")))));

    static final List<Gs1PropertyOrder> EVENT = List.of(
            leaf("eventTime"),
            leaf("eventTimeZoneOffset"),
            epcs(EpcList.EPC_LIST),
            leaf("parentID"),
            epcs(EpcList.INPUT_EPCS),
            epcs(EpcList.CHILD_EPCS),
            node("quantityList", QUANTITY_ELEMENT),
            node("childQuantityList", QUANTITY_ELEMENT),
            node("inputQuantityList", QUANTITY_ELEMENT),
            epcs(EpcList.OUTPUT_EPCS),
            node("outputQuantityList", QUANTITY_ELEMENT),
            leaf("action"),
            leaf("transformationID"),
            leaf("bizStep"),
            leaf("disposition"),
            node("persistentDisposition", leaves("set", "unset")),
            node("readPoint", leaves("id")),
            node("bizLocation", leaves("id")),
            pairs("bizTransactionList"),
            pairs("sourceList"),
            pairs("destinationList"),
            node("sensorElementList", SENSOR_ELEMENT));

    /** Where each standard event field stands in {@link #EVENT}. */
    private static final java.util.Map<String, Integer> EVENT_POSITIONS = positions(EVENT);

    /** The position of the standard event field {@code fieldName} in {@link #EVENT}; -1 for any other field. */
    static int eventPosition(String fieldName) {
        Integer position = EVENT_POSITIONS.get(fieldName);
        return position == null ? -1 : position;
    }

    private static java.util.Map<String, Integer> positions(List<Gs1PropertyOrder> order) {
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i).name(), i);
        }
        return java.util.Map.copyOf(positions);
    }

    boolean leaf() {
        return fields.isEmpty() && epcList == null && !pairs;
    }

    Gs1PropertyOrder field(String fieldName) {
        for (Gs1PropertyOrder f : fields) {
            if (f.name.equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /** The name GS1 writes for the field: CBV 2.0 leaves out the sensorElementList wrapper (2.1 writes it). */
    String written() {
        return name.equals("sensorElementList") ? "" : name;
    }

    private static Gs1PropertyOrder leaf(String name) {
        return new Gs1PropertyOrder(name, List.of(), null, false, timestamp(name));
    }

    private static Gs1PropertyOrder node(String name, List<Gs1PropertyOrder> fields) {
        return new Gs1PropertyOrder(name, fields, null, false, timestamp(name));
    }

    private static Gs1PropertyOrder epcs(EpcList list) {
        return new Gs1PropertyOrder(list.field(), List.of(), list, false, false);
    }

    private static Gs1PropertyOrder pairs(String name) {
        return new Gs1PropertyOrder(name, List.of(), null, true, false);
    }

    private static boolean timestamp(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("time") && !lower.contains("offset");
    }

    private static List<Gs1PropertyOrder> leaves(String... names) {
        return java.util.Arrays.stream(names).map(Gs1PropertyOrder::leaf).toList();
    }
}
