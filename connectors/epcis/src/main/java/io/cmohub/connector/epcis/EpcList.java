package io.cmohub.connector.epcis;

import java.util.Map;

/** The lists an EPCIS event names instance-level identifiers in. */
enum EpcList {
    EPC_LIST("epcList"),
    CHILD_EPCS("childEPCs"),
    INPUT_EPCS("inputEPCList"),
    OUTPUT_EPCS("outputEPCList");

    private static final Map<String, EpcList> BY_NAME = Map.of("epcList", EPC_LIST, "childEPCs", CHILD_EPCS,
            "inputEPCList", INPUT_EPCS, "outputEPCList", OUTPUT_EPCS);

    private final String field;

    EpcList(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    static EpcList of(String field) {
        return BY_NAME.get(field);
    }
}
