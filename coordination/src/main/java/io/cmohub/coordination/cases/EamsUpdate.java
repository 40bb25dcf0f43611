package io.cmohub.coordination.cases;

import io.cmohub.model.EamsStatus;
import io.cmohub.model.InvestigationStatus;
import java.util.Objects;

/**
 * A status the sponsor writes back to the alert system for one alert: the alert status (with the
 * reason the EAMS requires for every change except "under investigation") and the MAH's own
 * investigation status. {@code updateId} is stable across retries.
 */
public record EamsUpdate(String updateId, String alertId, EamsStatus status, InvestigationStatus mahInvestigation, String reason) {
    public EamsUpdate {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(status, "status");
        if (status != EamsStatus.UNDER_INVESTIGATION && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("the EAMS needs a reason for status " + status);
        }
        if (reason != null && reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
    }
}
