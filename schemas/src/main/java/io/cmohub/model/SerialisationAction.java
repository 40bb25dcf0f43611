package io.cmohub.model;

/** What a serialisation event did to its EPCs (EPCIS ObjectEvent/AggregationEvent semantics reduced to what the hub needs). */
public enum SerialisationAction { COMMISSION, AGGREGATE, DISAGGREGATE, SHIP, RECEIVE, DECOMMISSION, OBSERVE }
