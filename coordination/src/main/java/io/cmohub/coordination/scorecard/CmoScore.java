package io.cmohub.coordination.scorecard;

import java.time.Duration;

/**
 * One CMO's alert handling over a period: cases attributed to it, evidence requests and how fast
 * and how often on time they were answered, and how long its cases took to close. Durations are
 * null when there is nothing to average.
 */
public record CmoScore(String partner, long cases, long requests, long answered, long answeredOnTime, long escalated, Duration meanEvidenceTurnaround,
                       Duration maxEvidenceTurnaround, long closedCases, Duration meanClosureTime) {
    /** Share of requests answered by their due time, 0-1; null without requests. */
    public Double onTimeRate() {
        return requests == 0 ? null : (double) answeredOnTime / requests;
    }
}
