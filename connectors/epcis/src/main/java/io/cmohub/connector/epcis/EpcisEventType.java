package io.cmohub.connector.epcis;

import java.util.Map;

/** The EPCIS event types, by the element name (XML) or type value (JSON-LD) that introduces them. */
public enum EpcisEventType {
    OBJECT("ObjectEvent"),
    AGGREGATION("AggregationEvent"),
    TRANSACTION("TransactionEvent"),
    TRANSFORMATION("TransformationEvent"),
    ASSOCIATION("AssociationEvent"),
    /** EPCIS 1.x only; deprecated in 1.2 and gone in 2.0. */
    QUANTITY("QuantityEvent");

    private static final Map<String, EpcisEventType> BY_NAME = Map.of(
            "ObjectEvent", OBJECT, "AggregationEvent", AGGREGATION, "TransactionEvent", TRANSACTION,
            "TransformationEvent", TRANSFORMATION, "AssociationEvent", ASSOCIATION, "QuantityEvent", QUANTITY);

    private final String wireName;

    EpcisEventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    public static EpcisEventType of(String name) {
        return BY_NAME.get(name);
    }

    boolean hasAction() {
        return this != TRANSFORMATION && this != QUANTITY;
    }
}
