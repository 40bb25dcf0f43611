package io.cmohub.connector.epcis;

import io.cmohub.model.SerialisationAction;

/**
 * EPCIS event type, action and business step reduced to the hub's {@link SerialisationAction}. The
 * action decides where it has a lifecycle meaning (ADD creates or packs, DELETE ends or unpacks);
 * otherwise the business step does (shipping, receiving); anything else is an observation.
 */
final class ActionMapping {
    private ActionMapping() {
    }

    /** {@code bizStep} is the bare CBV term ({@link LeafValue#normalise} removed the prefixes). */
    static SerialisationAction of(EpcisEventType type, EpcisAction action, String bizStep) {
        SerialisationAction byStep = "shipping".equals(bizStep) ? SerialisationAction.SHIP
                : "receiving".equals(bizStep) ? SerialisationAction.RECEIVE : SerialisationAction.OBSERVE;
        return switch (type) {
            case OBJECT -> action == EpcisAction.ADD ? SerialisationAction.COMMISSION
                    : action == EpcisAction.DELETE ? SerialisationAction.DECOMMISSION : byStep;
            case AGGREGATION, ASSOCIATION -> action == EpcisAction.ADD ? SerialisationAction.AGGREGATE
                    : action == EpcisAction.DELETE ? SerialisationAction.DISAGGREGATE : byStep;
            // Transformation: inputs are consumed and outputs created; the assembler maps them per list.
            case TRANSFORMATION -> SerialisationAction.COMMISSION;
            case TRANSACTION, QUANTITY -> byStep;
        };
    }
}
