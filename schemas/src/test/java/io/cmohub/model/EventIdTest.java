package io.cmohub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CanonicalXml;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.EventIds;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.SiteId;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventIdTest {
    private static final Batch BATCH = (Batch) CanonicalFixtures.full().get(0);

    @Test
    void sameRecordSameIdWhateverTheRouteItTook() throws Exception {
        Batch viaJson = CanonicalJson.mapper().readValue(CanonicalJson.mapper().writeValueAsString(BATCH), Batch.class);
        Batch viaXml = CanonicalXml.read(CanonicalXml.write(BATCH), Batch.class);

        assertThat(EventIds.of(viaJson)).isEqualTo(EventIds.of(BATCH)).isEqualTo(EventIds.of(viaXml)).matches("[0-9a-f]{64}");
    }

    @Test
    void idDoesNotDependOnWhenOrWhereItArrived() {
        CanonicalEvent first = CanonicalEvent.of(BATCH, URI.create("/cmohub/partners/acme-cmo"), "acme-cmo", Instant.EPOCH);
        CanonicalEvent again = CanonicalEvent.of(BATCH, URI.create("/cmohub/partners/acme-cmo"), "acme-cmo", Instant.now());
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void changedContentGetsANewId() {
        Batch moved = new Batch(BATCH.product(), BATCH.batchId(), BatchStatus.RECALLED, BATCH.partner(), BATCH.site(), BATCH.expiry(),
                BATCH.manufacturedOn(), BATCH.releasedOn(), BATCH.plannedQuantity(), BATCH.actualQuantity(), BATCH.markets(), BATCH.updatedAt());
        Batch otherSite = new Batch(BATCH.product(), BATCH.batchId(), BATCH.status(), BATCH.partner(), SiteId.of("OTHER"), BATCH.expiry(),
                BATCH.manufacturedOn(), BATCH.releasedOn(), BATCH.plannedQuantity(), BATCH.actualQuantity(), BATCH.markets(), BATCH.updatedAt());
        assertThat(Set.of(EventIds.of(BATCH), EventIds.of(moved), EventIds.of(otherSite))).hasSize(3);
    }

    @Test
    void everyFixtureHasItsOwnId() {
        Set<String> ids = new HashSet<>();
        List.of(CanonicalFixtures.full(), CanonicalFixtures.minimal()).forEach(list -> list.forEach(r -> ids.add(EventIds.of(r))));
        assertThat(ids).hasSize(CanonicalFixtures.full().size() + CanonicalFixtures.minimal().size());
    }

    /** A case that goes A -> B -> A is three states, not two: its revision keeps the third from passing for a re-send of the first. */
    @Test
    void aStateThatReturnsGetsANewIdThroughItsRevision() throws Exception {
        InvestigationCase a = (InvestigationCase) CanonicalFixtures.full().stream().filter(r -> r instanceof InvestigationCase).findFirst().orElseThrow();
        InvestigationCase b = new InvestigationCase(a.caseId(), a.alertIds(), a.alertCode(), CaseStatus.ESCALATED, a.attribution(), a.product(),
                a.batchId(), a.market(), a.openedAt(), a.closedAt(), a.verdict(), a.summary(), 2);

        assertThat(Set.of(EventIds.of(a.withRevision(1)), EventIds.of(b), EventIds.of(a.withRevision(3)))).hasSize(3);
        assertThat(EventIds.of(a.withRevision(3))).isEqualTo(EventIds.of(a.withRevision(3)));
    }

    @Test
    void withoutARevisionTheIdIsTheOneV1Gave() throws Exception {
        // The hashing form leaves absent values out, so records without a revision hash exactly as before the field existed.
        InvestigationCase unrevised = ((InvestigationCase) CanonicalFixtures.full().stream().filter(r -> r instanceof InvestigationCase)
                .findFirst().orElseThrow()).withRevision(null);
        assertThat(CanonicalJson.hashingMapper().writeValueAsString(unrevised)).doesNotContain("revision");
        assertThatThrownBy(() -> unrevised.withRevision(0)).isInstanceOf(InvalidValueException.class).hasMessageContaining("revisions start at 1");
    }

    @Test
    void envelopeRefusesATypeThatDoesNotMatchItsData() {
        assertThatThrownBy(() -> new CanonicalEvent("1.0", "x", URI.create("/x"), "io.cmohub.alert.raised.v1", null, null, null, null, null, BATCH))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("does not match data of entity batch");
        assertThatThrownBy(() -> new CanonicalEvent("0.3", "x", URI.create("/x"), BATCH.entityType().eventType(), null, null, null, null, null, BATCH))
                .hasMessageContaining("specversion");
    }
}
