package io.cmohub.coordination.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.model.Chunk;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.testsupport.ManualClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch registry with bulk data (issue 23): 100,000 serials in ten commissioning chunks, a
 * second event commissioning the same serials (claims), and the retraction of the first (hand-over).
 * The statements prepared per chunk are counted: set-based work prepares the same few statements
 * whatever the chunk holds, where a loop over slices of 500 would prepare twenty more per chunk.
 */
abstract class BulkRegistryTest {
    static final PartnerId ACME = PartnerId.of("acme-lyon");
    static final ProductCode PRODUCT = ProductCode.of("05012345100036");
    static final BatchId BATCH = BatchId.of("BULK-1");
    static final int CHUNKS = 10;
    static final int PER_CHUNK = 10_000;
    /** Chunk lock, idempotency check, retraction check, batch row check (+ insert the first time), fresh insert, count, chunk row, audit. */
    static final int MOST_STATEMENTS_PER_CHUNK = 16;

    CountingDataSource counting;
    BatchRegistry registry;

    abstract DataSource database();

    @BeforeEach
    void wire() {
        counting = new CountingDataSource(database());
        registry = new BatchRegistry(counting.dataSource(), new JdbcAuditTrail(counting.dataSource()), new ManualClock(Instant.parse("2026-12-07T10:00:00Z")));
    }

    @Test
    void aHundredThousandSerialsAreRegisteredSetBasedAndCountedOnTheBatch() throws Exception {
        for (int k = 1; k <= CHUNKS; k++) {
            counting.takeCount();
            assertThat(registry.apply(chunk("EV-FIRST", SerialisationAction.COMMISSION, k, "S"))).isTrue();
            assertThat(counting.takeCount()).as("statements for chunk %d of %d serials", k, PER_CHUNK).isLessThanOrEqualTo(MOST_STATEMENTS_PER_CHUNK);
        }
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).isEqualTo(CHUNKS * PER_CHUNK);
        assertThat(count("SELECT COUNT(*) FROM coordination_serial WHERE batch_id = 'BULK-1'")).isEqualTo(CHUNKS * PER_CHUNK);
        assertThat(registry.apply(chunk("EV-FIRST", SerialisationAction.COMMISSION, 3, "S"))).as("a chunk applied twice").isFalse();
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).isEqualTo(CHUNKS * PER_CHUNK);

        // A corrected event commissions the same serials under the same batch before the first is declared erroneous: claims, set-based.
        for (int k = 1; k <= CHUNKS; k++) {
            counting.takeCount();
            assertThat(registry.apply(chunk("EV-CORRECTED", SerialisationAction.COMMISSION, k, "S"))).isTrue();
            assertThat(counting.takeCount()).as("statements for claims of chunk %d", k).isLessThanOrEqualTo(MOST_STATEMENTS_PER_CHUNK + 1);
        }
        assertThat(count("SELECT COUNT(*) FROM coordination_serial_claim WHERE source_event_id = 'EV-CORRECTED'")).isEqualTo(CHUNKS * PER_CHUNK);
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).as("claims are not serials").isEqualTo(CHUNKS * PER_CHUNK);

        // The first event is retracted: every serial passes to the corrected event, set-based; the batch keeps its count.
        for (int k = 1; k <= CHUNKS; k++) {
            counting.takeCount();
            assertThat(registry.apply(chunk("EV-FIRST", SerialisationAction.RETRACT, k, "S"))).isTrue();
            assertThat(counting.takeCount()).as("statements for retraction chunk %d", k).isLessThanOrEqualTo(MOST_STATEMENTS_PER_CHUNK);
        }
        assertThat(count("SELECT COUNT(*) FROM coordination_serial WHERE source_event_id = 'EV-CORRECTED'")).isEqualTo(CHUNKS * PER_CHUNK);
        assertThat(count("SELECT COUNT(*) FROM coordination_serial_claim")).isZero();
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).isEqualTo(CHUNKS * PER_CHUNK);
        assertThat(registry.batchesHoldingSerial(PRODUCT, SerialNumber.of("S" + 4 + "-" + 17))).containsExactly(BATCH);

        // Retracting the corrected one too empties the batch; its count follows.
        for (int k = 1; k <= CHUNKS; k++) {
            assertThat(registry.apply(chunk("EV-CORRECTED", SerialisationAction.RETRACT, k, "S"))).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM coordination_serial")).isZero();
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).isZero();
        assertThat(count("SELECT SUM(serials_removed) FROM coordination_serial_retraction WHERE source_event_id = 'EV-CORRECTED'"))
                .isEqualTo(CHUNKS * PER_CHUNK);
    }

    @Test
    void aChunkOverlappingWhatTheBatchHoldsRegistersOnlyTheNewSerials() throws Exception {
        registry.apply(chunk("EV-A", SerialisationAction.COMMISSION, 1, "S"));
        // a second event repeats half of it and adds 5,000 new serials
        List<String> epcs = new ArrayList<>();
        for (int i = PER_CHUNK / 2; i < PER_CHUNK + PER_CHUNK / 2; i++) {
            epcs.add(epc("S1-" + i));
        }
        registry.apply(new SerialisationEvent("EV-B", SerialisationAction.COMMISSION, Instant.parse("2026-12-01T08:00:00Z"), ACME, null, PRODUCT, BATCH,
                null, null, epcs, new Chunk(1, 1)));
        assertThat(registry.find(PRODUCT, BATCH).orElseThrow().commissionedSerials()).isEqualTo(PER_CHUNK + PER_CHUNK / 2);
        assertThat(count("SELECT COUNT(*) FROM coordination_serial WHERE source_event_id = 'EV-B'")).isEqualTo(PER_CHUNK / 2);
        assertThat(count("SELECT COUNT(*) FROM coordination_serial_claim WHERE source_event_id = 'EV-B'")).isEqualTo(PER_CHUNK / 2);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'REGISTER_SERIALS' AND details = 'serials=5000 notPlaced=0 alreadyHeld=5000'"))
                .isEqualTo(1);
    }

    static SerialisationEvent chunk(String eventId, SerialisationAction action, int k, String prefix) {
        List<String> epcs = new ArrayList<>(PER_CHUNK);
        for (int i = 0; i < PER_CHUNK; i++) {
            epcs.add(epc(prefix + k + "-" + i));
        }
        Instant at = Instant.parse(eventId.equals("EV-FIRST") ? "2026-12-01T07:00:00Z" : "2026-12-01T09:00:00Z");
        return action == SerialisationAction.COMMISSION
                ? new SerialisationEvent(eventId, action, at, ACME, null, PRODUCT, BATCH, null, null, epcs, new Chunk(k, CHUNKS))
                : new SerialisationEvent(eventId, action, at.plusSeconds(86_400), ACME, null, PRODUCT, null, null, null, epcs, new Chunk(k, CHUNKS));
    }

    static String epc(String serial) {
        return "https://id.gs1.org/01/" + PRODUCT.value() + "/21/" + serial;
    }

    int count(String sql) throws Exception {
        try (Connection c = counting.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
