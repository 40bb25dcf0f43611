package io.cmohub.coordination.cases;

import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.Contact;
import java.net.URI;
import java.util.Objects;

/**
 * Settings of the case workflow.
 *
 * @param eventSource          CloudEvents source of the case and evidence-request events
 * @param sponsorQa            who at the sponsor receives escalations
 * @param sponsorQaChannel     how escalations reach sponsor QA
 * @param reminderFraction     share of the SLA (in business time) after which the liaison is reminded, e.g. 0.5
 * @param maxEvidenceFileBytes size cap of one evidence file
 * @param node                 this node's name, recorded on fired clocks and delivered messages
 */
public record CoordinationSettings(URI eventSource, Contact sponsorQa, Channel sponsorQaChannel, double reminderFraction, long maxEvidenceFileBytes,
                                   String node) {
    public static final URI DEFAULT_SOURCE = URI.create("/cmohub/coordination");

    public CoordinationSettings {
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(sponsorQa, "sponsorQa");
        Objects.requireNonNull(sponsorQaChannel, "sponsorQaChannel");
        Objects.requireNonNull(node, "node");
        if (!(reminderFraction > 0 && reminderFraction < 1)) {
            throw new IllegalArgumentException("reminderFraction must lie strictly between 0 and 1: " + reminderFraction);
        }
        if (maxEvidenceFileBytes < 1) {
            throw new IllegalArgumentException("maxEvidenceFileBytes must be positive");
        }
    }
}
