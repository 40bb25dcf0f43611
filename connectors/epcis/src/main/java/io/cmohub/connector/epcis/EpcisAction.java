package io.cmohub.connector.epcis;

/** The EPCIS action of an Object, Aggregation, Transaction or Association event. */
enum EpcisAction {
    ADD, OBSERVE, DELETE;

    static EpcisAction of(String value) {
        return switch (value) {
            case "ADD" -> ADD;
            case "OBSERVE" -> OBSERVE;
            case "DELETE" -> DELETE;
            default -> null;
        };
    }
}
