package io.cmohub.model;

/**
 * What a serialisation event did to its EPCs (EPCIS ObjectEvent/AggregationEvent semantics reduced to what the hub needs).
 * {@link #RETRACT}: an EPCIS error declaration — the event with the same {@code sourceEventId} (GS1's event hash leaves the
 * declaration out, so the declaring event hashes as the event it retracts) did not happen as recorded.
 */
public enum SerialisationAction { COMMISSION, AGGREGATE, DISAGGREGATE, SHIP, RECEIVE, DECOMMISSION, OBSERVE, RETRACT }
