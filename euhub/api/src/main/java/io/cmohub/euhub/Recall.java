package io.cmohub.euhub;

import java.time.Instant;
import java.util.Objects;

/** A batch recall as the Hub holds it. Irreversible, sent once (domain-emvs §2). */
public record Recall(String reason, Instant recalledAt) {
    public Recall {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recalledAt, "recalledAt");
    }
}
