package io.cmohub.connector.epcis;

import io.cmohub.model.SerialisationAction;

/**
 * EPCIS event type, action and business step reduced to the hub's {@link SerialisationAction}. The
 * action decides where it has a lifecycle meaning (ADD creates or packs, DELETE ends or unpacks);
 * otherwise the business step does (shipping, receiving); anything else is an observation.
 */
final class ActionMapping {
    private static final String[] BIZ_STEP_PREFIXES = {"urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-", "cbv:BizStep-"};

    private ActionMapping() {
    }

    /** The bare CBV term of a business step however it is written: URN, GS1 Web URI, compact URI, or bare. */
    static String bareTerm(String bizStep) {
        String value = bizStep.strip();
        for (String prefix : BIZ_STEP_PREFIXES) {
            if (value.startsWith(prefix)) {
                return value.substring(prefix.length());
            }
        }
        return value;
    }

    /** {@code bizStep} is the bare CBV term ({@link #bareTerm}). */
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
