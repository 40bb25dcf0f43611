package io.cmohub.coordination.packstates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.Chunk;
import io.cmohub.model.PackStateFinding;
import io.cmohub.model.PackStateFindingKind;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.Expiry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled checks: which batches each sweep picks, and the findings a completed sweep raises. */
abstract class PackStateSweepsTest extends PackStateFixture {
    @Test
    void theReleasedSweepRaisesAFindingPerDisagreement() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.RELEASED, ACME, null, Expiry.parse("311231"), null, today.minusDays(3), null, null,
                null, NOW.minusSeconds(3600)));
        List<String> epcs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            epcs.add("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/" + serial(i)); // 20 packs: ACTIVE, SUPPLIED and the others
        }
        epcs.add("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/NEVERUPLOADED1");
        registry.apply(new SerialisationEvent("EV-CZ24002-S", SerialisationAction.COMMISSION, NOW.minusSeconds(86_400), ACME, null, CARDIOZOL, CZ24002,
                null, null, epcs, new Chunk(1, 1)));
        registry.apply(new Batch(RESPIFLAM, RF24010, BatchStatus.RELEASED, ACME, null, Expiry.parse("300531"), null, today.minusDays(10), null, null,
                null, NOW.minusSeconds(3600)));
        HubPackStates service = packStates(resilient(binding), "node-a");

        assertThat(service.sweeps().schedule()).as("two released batches").isEqualTo(2);
        assertThat(service.sweeps().schedule()).as("swept already this period").isZero();
        service.runner().runDue();

        List<PackStateFinding> findings = publishedOf(PackStateFinding.class);
        assertThat(findings).extracting(PackStateFinding::kind).containsExactlyInAnyOrder(PackStateFindingKind.PACKS_NOT_ACTIVE,
                PackStateFindingKind.PACKS_UNKNOWN_AT_HUB, PackStateFindingKind.BATCH_RECALLED_AT_HUB);
        PackStateFinding notActive = findings.stream().filter(f -> f.kind() == PackStateFindingKind.PACKS_NOT_ACTIVE).findFirst().orElseThrow();
        // 20 packs over 9 states: ACTIVE (0, 9, 18) and SUPPLIED (1, 10, 19) are expected, the 14 others are not.
        assertThat(notActive.packs()).isEqualTo(14L);
        assertThat(notActive.partner()).isEqualTo(ACME);
        assertThat(notActive.examples()).hasSize(14).extracting(s -> s.value()).contains(serial(2)).doesNotContain(serial(0), serial(1));
        assertThat(notActive.hubSays()).contains("DESTROYED 2");
        PackStateFinding recalled = findings.stream().filter(f -> f.kind() == PackStateFindingKind.BATCH_RECALLED_AT_HUB).findFirst().orElseThrow();
        assertThat(recalled.batchId()).isEqualTo(RF24010);
        assertThat(recalled.hubKnows()).contains("RELEASED");
    }

    @Test
    void theOpenCaseAndNearExpirySweepsPickTheirBatchesAndAnExpiryThatDiffersIsAFinding() throws Exception {
        // CZ24002 expires on 2031-12-31 at the Hub; ERP holds 2027-01-31: within 90 days of today, and a disagreement.
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.RELEASED, ACME, null, Expiry.parse("270131"), null,
                LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(200), null, null, null, NOW.minusSeconds(3600)));
        registry.apply(new SerialisationEvent("EV-CZ24002-E", SerialisationAction.COMMISSION, NOW.minusSeconds(86_400), ACME, null, CARDIOZOL, CZ24002,
                null, null, List.of("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/" + serial(0),
                "https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/" + serial(9)), new Chunk(1, 1)));
        for (String[] kase : List.of(new String[] {"CASE-RF", "RF24010"}, new String[] {"CASE-UNKNOWN", "ZZ99999"})) {
            // the second case is on a batch the registry never received: skipped, and the sweeps go on
            try (var c = dataSource.getConnection(); var s = c.prepareStatement("INSERT INTO coordination_case (case_id, group_key, alert_code, status, "
                    + "product_code, batch_id, attribution_outcome, attribution_reason, opened_at, updated_at) VALUES (?, ?, 'A2', "
                    + "'AWAITING_CMO', '05012345100029', ?, 'UNATTRIBUTED', 'test', ?, ?)")) {
                s.setString(1, kase[0]);
                s.setString(2, "A2/" + kase[1]);
                s.setString(3, kase[1]);
                s.setObject(4, NOW.atOffset(ZoneOffset.UTC));
                s.setObject(5, NOW.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
        }
        registry.apply(new SerialisationEvent("EV-RF24010", SerialisationAction.COMMISSION, NOW.minusSeconds(86_400), ACME, null, RESPIFLAM, RF24010,
                null, null, List.of("https://id.gs1.org/01/" + RESPIFLAM.value() + "/21/KVBG6T73ASWE"), new Chunk(1, 1)));
        HubPackStates service = packStates(resilient(binding), "node-a");

        assertThat(service.sweeps().schedule()).as("CZ24002 near expiry (not released lately), RF24010 with an open case").isEqualTo(2);
        service.runner().runDue();

        assertThat(service.queries().latest(10)).extracting(PackStateQueryStatus::sweep).containsExactlyInAnyOrder(
                io.cmohub.model.PackStateSweep.NEAR_EXPIRY, io.cmohub.model.PackStateSweep.OPEN_CASES);
        List<PackStateFinding> findings = publishedOf(PackStateFinding.class);
        PackStateFinding expiry = findings.stream().filter(f -> f.kind() == PackStateFindingKind.EXPIRY_DIFFERS).findFirst().orElseThrow();
        assertThat(expiry.batchId()).isEqualTo(CZ24002);
        assertThat(expiry.packs()).isEqualTo(2L);
        assertThat(expiry.hubSays()).contains("311231");
        assertThat(expiry.hubKnows()).contains("270131");
        assertThat(findings).as("a dispensed pack of a batch with an open case is no disagreement")
                .noneMatch(f -> f.batchId().equals(RF24010) && f.kind() == PackStateFindingKind.PACKS_NOT_ACTIVE);
        assertThat(publishedStates()).extracting(p -> p.serial().value()).containsExactlyInAnyOrder(serial(0), serial(9), "KVBG6T73ASWE");
    }
}
