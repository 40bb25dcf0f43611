package io.cmohub.connector.animl;

import io.cmohub.model.Severity;
import java.time.ZoneId;

/**
 * The configured decisions AnIML leaves open: whether a result without specification limits counts
 * as within specification, the zone of timestamps written without offset, and the severity of OOS
 * events.
 */
record AnimlMappingPolicy(boolean unspecifiedAreInSpecification, ZoneId zone, Severity oosSeverity) {
}
