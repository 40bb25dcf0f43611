package io.cmohub.euhub.resilience;

/** The circuit breaker's state, for health checks and metrics. */
public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls are refused locally until the open period ends. */
    OPEN,
    /** A few trial calls go through to decide between CLOSED and OPEN. */
    HALF_OPEN
}
