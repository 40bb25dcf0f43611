package io.cmohub.coordination.alert.eams;

import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertNotice;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.MalformedAlertException;
import io.cmohub.routes.store.JdbcTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the EAMS alert list forward in time, window by window (at most one calendar month each,
 * the EAMS limit), page by page, and files every alert through {@link AlertIntake}.
 *
 * <p>The cursor (window and next page) is in the database and moves only after a page's alerts are
 * filed. A restart therefore continues with the page after the last one finished: nothing is
 * missed; a crash after filing but before the cursor moved reads that one page again, and the
 * intake's idempotence turns it into DUPLICATEs (nothing re-published). Windows are half-open
 * [from, to) and contiguous, and never reach into the last {@link EamsSettings#settleTime()}.
 *
 * <p>An alert of a page that the contract or the model refuses is quarantined and skipped; a page
 * that cannot be read at all (EAMS down, not JSON) fails the poll and is asked for again next time,
 * so an outage only delays alerts.
 */
public final class EamsPoller {
    private static final Logger LOG = LoggerFactory.getLogger(EamsPoller.class);
    /** Quarantine format name of EAMS alerts that failed the contract or the model. */
    public static final String FORMAT = "eams-alert-json";

    private final String name;
    private final EamsClient client;
    private final JdbcEamsCursorStore cursors;
    private final AlertIntake intake;
    private final AlertQuarantine quarantine;
    private final Clock clock;

    public EamsPoller(String name, EamsClient client, JdbcEamsCursorStore cursors, AlertIntake intake, AlertQuarantine quarantine, Clock clock) {
        this.name = name;
        this.client = client;
        this.cursors = cursors;
        this.intake = intake;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /** What one poll did. */
    public record PollReport(int pages, int alerts, int published, int quarantined, EamsCursor cursor) {
    }

    public synchronized PollReport pollOnce() {
        EamsSettings settings = client.settings();
        Instant now = clock.instant();
        Instant horizon = now.minus(settings.settleTime());
        EamsCursor cursor = cursors.find(name)
                .orElseGet(() -> cursors.create(new EamsCursor(name, JdbcTime.toDb(now.minus(settings.initialLookback())).toInstant(), null, null, 0)));
        int pages = 0;
        int alerts = 0;
        int published = 0;
        int quarantined = 0;
        while (pages < settings.maxPagesPerPoll()) {
            if (cursor.windowTo() == null) {
                Instant monthLater = cursor.windowFrom().atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
                Instant to = monthLater.isBefore(horizon) ? monthLater : JdbcTime.toDb(horizon).toInstant();
                if (!to.isAfter(cursor.windowFrom())) {
                    break; // caught up with the settle horizon
                }
                EamsCursor opened = new EamsCursor(name, cursor.windowFrom(), to, null, cursor.version() + 1);
                if (!cursors.advance(cursor, opened)) {
                    LOG.warn("EAMS cursor {} was moved by another poller; leaving the window to it", name);
                    break;
                }
                cursor = opened;
            }
            EamsPage page = client.alerts(cursor.windowFrom(), cursor.windowTo(), cursor.pageToken());
            pages++;
            for (String alert : page.alerts()) {
                alerts++;
                try {
                    AlertNotice notice = EamsClient.notice(alert);
                    IntakeResult result = intake.receive(notice);
                    if (result.eventId() != null) {
                        published++;
                    }
                } catch (MalformedAlertException e) {
                    quarantined++;
                    String id = quarantine.quarantine(alert.getBytes(StandardCharsets.UTF_8), FORMAT, "eams", "eams-alert.json", e.getMessage());
                    LOG.warn("EAMS alert quarantined as {}: {}", id, e.getMessage());
                }
            }
            EamsCursor next = page.nextPageToken() != null
                    ? new EamsCursor(name, cursor.windowFrom(), cursor.windowTo(), page.nextPageToken(), cursor.version() + 1)
                    : new EamsCursor(name, cursor.windowTo(), null, null, cursor.version() + 1);
            if (!cursors.advance(cursor, next)) {
                LOG.warn("EAMS cursor {} was moved by another poller; stopping this poll", name);
                break;
            }
            cursor = next;
        }
        if (alerts > 0) {
            LOG.info("EAMS poll {}: {} pages, {} alerts, {} published, {} quarantined; next window from {}", name, pages, alerts, published,
                    quarantined, cursor.windowFrom());
        }
        return new PollReport(pages, alerts, published, quarantined, cursor);
    }

    public String name() {
        return name;
    }
}
