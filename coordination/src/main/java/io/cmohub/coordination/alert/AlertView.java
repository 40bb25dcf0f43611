package io.cmohub.coordination.alert;

import io.cmohub.model.Alert;
import java.time.Instant;
import java.util.List;

/**
 * A canonical alert as the hub holds it: the current record, every source that delivered it, and
 * which event version was published last.
 */
public record AlertView(Alert alert, int version, String lastEventId, Instant firstReceivedAt, Instant updatedAt, List<AlertSourceRecord> sources) {
    public AlertView {
        sources = List.copyOf(sources);
    }
}
