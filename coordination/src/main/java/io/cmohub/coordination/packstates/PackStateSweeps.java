package io.cmohub.coordination.packstates;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.registry.RegisteredBatch;
import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.coordination.packstates.PackAnswerRows.ResultRow;
import io.cmohub.euhub.BatchStateReport;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackOutcome;
import io.cmohub.model.BatchState;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.PackStateFinding;
import io.cmohub.model.PackStateFindingKind;
import io.cmohub.model.PackStateSweep;
import io.cmohub.model.PackStatus;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled pack-state checks. Each sweep picks its batches (released in the last N days, with an
 * open case, or expiring within N days), asks the Hub every registered serial of each as a query of
 * its own, and when that query completes compares the answers and the Hub's batch state with what the
 * hub knows, raising one {@link PackStateFinding} per batch and kind of disagreement.
 */
public final class PackStateSweeps {
    private static final Logger LOG = LoggerFactory.getLogger(PackStateSweeps.class);
    private static final List<String> UNKNOWN_AT_HUB = List.of(PackOutcome.UNKNOWN_PRODUCT.name(), PackOutcome.UNKNOWN_SERIAL.name(),
            PackOutcome.NOT_IN_MARKET.name());

    /**
     * Which sweeps run and how far back or ahead they look. {@code expectedStates}: pack states that are
     * no disagreement in a released batch (by default SUPPLIED, what dispensing does).
     */
    public record Settings(boolean released, int releasedWithinDays, boolean openCases, boolean nearExpiry, int nearExpiryWithinDays,
                           Duration period, Set<PackStatus> expectedStates) {
        public static final Settings DEFAULTS = new Settings(true, 30, true, true, 90, Duration.ofHours(24), EnumSet.of(PackStatus.SUPPLIED));

        public Settings {
            expectedStates = expectedStates == null || expectedStates.isEmpty() ? EnumSet.noneOf(PackStatus.class) : EnumSet.copyOf(expectedStates);
            expectedStates.add(PackStatus.ACTIVE);
        }
    }

    private final DataSource dataSource;
    private final PackStateQueries queries;
    private final PackAnswerRows answers;
    private final RegisteredBatches registry;
    private final EuHubGateway hub;
    private final Clock clock;
    private final Settings settings;

    public PackStateSweeps(DataSource dataSource, PackStateQueries queries, RegisteredBatches registry, EuHubGateway hub, Clock clock, Settings settings) {
        this.dataSource = dataSource;
        this.queries = queries;
        this.answers = new PackAnswerRows(dataSource);
        this.registry = registry;
        this.hub = hub;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts a query for every batch a sweep selects that no sweep of its kind asked within the interval, or still asks; returns how many. */
    public int schedule() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant since = now.minus(settings.period());
        int started = 0;
        if (settings.released()) {
            started += start(PackStateSweep.RELEASED, batches("SELECT product_code, batch_id FROM coordination_batch WHERE batch_status = 'RELEASED' "
                    + "AND released_on >= ? ORDER BY product_code, batch_id", today.minusDays(settings.releasedWithinDays())), since);
        }
        if (settings.openCases()) {
            started += start(PackStateSweep.OPEN_CASES, batches("SELECT DISTINCT product_code, batch_id FROM coordination_case WHERE status <> 'CLOSED' "
                    + "AND product_code IS NOT NULL AND batch_id IS NOT NULL ORDER BY product_code, batch_id"), since);
        }
        if (settings.nearExpiry()) {
            List<BatchKey> expiring = new ArrayList<>();
            LocalDate horizon = today.plusDays(settings.nearExpiryWithinDays());
            for (BatchKey key : batches("SELECT product_code, batch_id, expiry_printed FROM coordination_batch WHERE batch_status = 'RELEASED' "
                    + "AND expiry_printed IS NOT NULL ORDER BY product_code, batch_id")) {
                LocalDate expiry = key.expiry().date();
                if (!expiry.isBefore(today) && !expiry.isAfter(horizon)) {
                    expiring.add(key);
                }
            }
            started += start(PackStateSweep.NEAR_EXPIRY, expiring, since);
        }
        return started;
    }

    private int start(PackStateSweep sweep, List<BatchKey> batches, Instant since) {
        int started = 0;
        for (BatchKey b : batches) {
            if (queries.store().sweptSince(sweep, b.product(), b.batchId(), since)) {
                continue;
            }
            try {
                queries.submit(PackStateQueryRequest.sweep(sweep, b.product(), b.batchId()), "cmohub sweep " + sweep);
                started++;
            } catch (PackStateQueryRejectedException e) {
                // e.g. a case on a batch the registry never received: nothing to ask, and no reason to skip the others
                LOG.info("pack-state sweep {}: batch {}/{} skipped: {}", sweep, b.product(), b.batchId(), e.getMessage());
            }
        }
        if (started > 0) {
            LOG.info("pack-state sweep {}: {} batches to ask the EU Hub", sweep, started);
        }
        return started;
    }

    /** The disagreements a completed sweep query shows, as events. */
    List<CanonicalEvent> findings(PackStateQueryStatus done) {
        Optional<RegisteredBatch> known = registry.find(done.product(), done.batchId());
        Optional<BatchStateReport> atHub = hub.requestBatchState(done.product(), done.batchId());
        String partner = known.map(RegisteredBatch::partner).map(p -> p == null ? null : p.value()).orElse(null);
        String erp = known.map(PackStateSweeps::erpSays).orElse("the registry has no batch record");
        Instant now = clock.instant();
        List<PackStateFinding> findings = new ArrayList<>();
        if (atHub.isEmpty()) {
            findings.add(finding(done, PackStateFindingKind.BATCH_UNKNOWN_AT_HUB, known, 0, List.of(), "the EU Hub has no batch " + done.batchId()
                    + " of product " + done.product(), erp, now));
        } else if (atHub.get().state() == BatchState.RECALLED && known.map(RegisteredBatch::status).orElse(null) == BatchStatus.RELEASED) {
            findings.add(finding(done, PackStateFindingKind.BATCH_RECALLED_AT_HUB, known, 0, List.of(), "the EU Hub holds the batch as RECALLED ("
                    + atHub.get().recall() + ")", erp, now));
        }
        if (done.sweep() == PackStateSweep.RELEASED) {
            List<String> unexpected = EnumSet.complementOf(EnumSet.copyOf(settings.expectedStates())).stream().map(Enum::name).toList();
            PackAnswerRows.Counted notActive = answers.withAnswers(done.queryId(), unexpected, PackStateFinding.MAX_EXAMPLES);
            if (notActive.count() > 0) {
                findings.add(finding(done, PackStateFindingKind.PACKS_NOT_ACTIVE, known, notActive.count(), examples(notActive.examples()),
                        notActive.count() + " packs are " + countsOf(done.queryId(), unexpected), erp + "; no decommissioning of these packs reached the hub", now));
            }
        }
        PackAnswerRows.Counted unknown = answers.withAnswers(done.queryId(), UNKNOWN_AT_HUB, PackStateFinding.MAX_EXAMPLES);
        if (unknown.count() > 0 && atHub.isPresent()) { // a batch the Hub lacks is one finding, not also one of its packs
            findings.add(finding(done, PackStateFindingKind.PACKS_UNKNOWN_AT_HUB, known, unknown.count(), examples(unknown.examples()),
                    unknown.count() + " packs are " + countsOf(done.queryId(), UNKNOWN_AT_HUB), "the CMO commissioned them under this batch", now));
        }
        Optional<Expiry> erpExpiry = known.map(RegisteredBatch::expiry);
        if (erpExpiry.isPresent()) {
            PackAnswerRows.Counted differing = answers.expiryOtherThan(done.queryId(), erpExpiry.get(), PackStateFinding.MAX_EXAMPLES);
            if (differing.count() > 0) {
                findings.add(finding(done, PackStateFindingKind.EXPIRY_DIFFERS, known, differing.count(), examples(differing.examples()),
                        differing.count() + " packs have the expiry " + differing.examples().get(0).expiry().printed(),
                        "ERP holds the expiry " + erpExpiry.get().printed(), now));
            }
        }
        if (!findings.isEmpty()) {
            LOG.warn("pack-state sweep {} of {}/{}: {} findings", done.sweep(), done.product(), done.batchId(), findings.size());
        }
        return findings.stream().map(f -> CanonicalEvent.of(f, PackStateEvents.source(done.queryId()), partner, now)).toList();
    }

    private static PackStateFinding finding(PackStateQueryStatus done, PackStateFindingKind kind, Optional<RegisteredBatch> known, long packs,
                                            List<io.cmohub.model.value.SerialNumber> examples, String hubSays, String hubKnows, Instant now) {
        return new PackStateFinding(kind, done.sweep(), done.product(), done.batchId(), known.map(RegisteredBatch::partner).orElse(null), packs, examples,
                cut(hubSays), cut(hubKnows), done.queryId(), now);
    }

    private static String erpSays(RegisteredBatch b) {
        return "ERP holds the batch as " + (b.status() == null ? "no status yet" : b.status())
                + (b.releasedOn() == null ? "" : ", released on " + b.releasedOn()) + ", with " + b.commissionedSerials() + " commissioned serials";
    }

    private static List<io.cmohub.model.value.SerialNumber> examples(List<ResultRow> rows) {
        return rows.stream().limit(PackStateFinding.MAX_EXAMPLES).map(r -> r.query().serial()).toList();
    }

    /** e.g. "DESTROYED 3, STOLEN 1": the query's counts of these answers. */
    private String countsOf(String queryId, List<String> of) {
        return String.join(", ", answers.counts(queryId).stream().filter(c -> of.contains(c.answer())).map(c -> c.answer() + " " + c.packs()).toList());
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private record BatchKey(ProductCode product, BatchId batchId, Expiry expiry) {
    }

    private List<BatchKey> batches(String sql, Object... values) {
        List<BatchKey> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, values);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new BatchKey(ProductCode.of(rs.getString(1)), BatchId.of(rs.getString(2)),
                            rs.getMetaData().getColumnCount() > 2 ? Expiry.parse(rs.getString(3)) : null));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("select batches to sweep", e);
        }
        return keys;
    }
}
