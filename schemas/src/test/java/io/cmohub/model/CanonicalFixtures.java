package io.cmohub.model;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.model.value.SiteId;
import io.cmohub.model.value.Sscc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One instance of every entity with every field set, and one with only the required fields. */
public final class CanonicalFixtures {
    public static final ProductCode GTIN = ProductCode.of("05012345678900");
    public static final ProductCode PPN = ProductCode.of("111234567842");
    public static final PartnerId CMO = PartnerId.of("acme-cmo");
    public static final BatchId BATCH = BatchId.of("B2025-0042");
    public static final Instant T0 = Instant.parse("2025-03-01T08:15:30Z");

    private CanonicalFixtures() {
    }

    public static List<CanonicalRecord> full() {
        return List.of(
                new Batch(GTIN, BATCH, BatchStatus.RELEASED, CMO, SiteId.of("ACME-LYON"), Expiry.parse("270600"),
                        LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 1), Quantity.of("120000", "packs"), Quantity.of("119850.50", "packs"),
                        List.of(Market.of("DE"), Market.of("FR")), T0, "freigegeben", LineId.of("PL-3")),
                new PackagingRun("PR-7781", CMO, SiteId.of("ACME-LYON"), LineId.of("PL-3"), GTIN, BATCH, BatchId.of("B2025-0042"),
                        Expiry.parse("270630"), "ART-12.4",
                        new LineClearance(T0.minusSeconds(3600), "j.doe", "m.roe", true, "LC-2025-118"), T0, T0.plusSeconds(7200),
                        new SerialCounts(119850, 150, 12),
                        List.of(new SerialRange(SerialNumber.of("A0000001"), SerialNumber.of("A0119850"), 119850))),
                new SerialisationEvent("ni:///sha-256;abc123?ver=CBV2.0", SerialisationAction.COMMISSION, T0, CMO, Gln.of("4012345000009"),
                        GTIN, BATCH, Expiry.parse("270630"), "urn:epc:id:sscc:4012345.0000000011",
                        List.of("urn:epc:id:sgtin:5012345.067890.A0000001", "https://id.gs1.org/01/05012345678900/21/A0000002"),
                        new Chunk(1, 3)),
                new QcResult(CMO, GTIN, BATCH, "S-001", "ASSAY", "Assay (HPLC)", "USP <621>", new BigDecimal("95.0"), new BigDecimal("105.0"),
                        "95.0 - 105.0 % of label claim", new BigDecimal("99.40"), null, "%", false, T0, SiteId.of("ACME-QC")),
                new QualityEvent("DEV-2025-0193", QualityEventKind.DEVIATION, Severity.MAJOR, QualityEventStatus.UNDER_INVESTIGATION, CMO,
                        SiteId.of("ACME-LYON"), "Label roll splice on line PL-3", "Splice detected after 4,000 packs; packs segregated.",
                        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 4, 1), null, List.of(new BatchRef(GTIN, BATCH))),
                new Shipment("SH-55012", CMO, SiteId.of("ACME-LYON"), Gln.of("4012345000009"), Gln.of("5412345000013"), T0, "DHL",
                        List.of(new ShipmentLine(GTIN, BATCH, Quantity.of("48000", "packs"))),
                        List.of(Sscc.of("340123450000000017"))),
                new PackState(GTIN, SerialNumber.of("A0000001"), BATCH, Expiry.parse("270600"), Market.of("DE"), PackStatus.SUPPLIED,
                        BatchState.ACTIVE, ProductState.ACTIVE, T0, "pharmacy 7731", T0.plusSeconds(60)),
                new Alert("DE-ALRT-000123", AlertCode.A52, "NMVS_FE_LOT_12", Market.of("DE"),
                        new ScannedIdentifiers("05012345678900", "GTIN", "A0000001", "B2025-0042", "270630"), T0, AlertSource.HUB,
                        EamsStatus.UNDER_INVESTIGATION,
                        List.of(new OrganisationInvestigation(OrganisationType.MAH, InvestigationStatus.INVESTIGATION_PENDING)),
                        "Expiry date mismatch", "community pharmacy"),
                new UploadRejection("UP-2025-03-01-7", "A16", "Data Validation Error: common name missing", "commonName", GTIN, BATCH,
                        Market.of("FR"), T0),
                new ReleaseCheck(GTIN, BATCH, CMO, ReleaseCheckOutcome.FAIL,
                        List.of("the EU Hub holds 119,000 serials but 119,850 were commissioned"),
                        List.of("the EU Hub holds the batch as ACTIVE", "printed expiry 270600 equals the uploaded expiry"), T0),
                new EvidenceRequest("ER-1", "CASE-1", AlertCode.A52, CMO,
                        List.of(new EvidenceItem("packaging-order", "Packaging order for the batch", true),
                                new EvidenceItem("printed-vs-uploaded-expiry", "Printed versus uploaded expiry", true)),
                        T0, T0.plusSeconds(86400), "email", EvidenceRequestStatus.DISPATCHED, 2),
                new InvestigationCase("CASE-1", List.of("DE-ALRT-000123"), AlertCode.A52, CaseStatus.AWAITING_CMO,
                        new Attribution(AttributionOutcome.ATTRIBUTED, CMO, SiteId.of("ACME-LYON"), LineId.of("PL-3"), "PR-7781",
                                "batch B2025-0042 packed by acme-cmo on PL-3"),
                        GTIN, BATCH, Market.of("DE"), T0, null, ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR,
                        "printed 270630, uploaded 270600", 3),
                new PackStateSummary("PSQ-1", PackStateQueryScope.BATCH, GTIN, BATCH, "qa.lead@sponsor.example", 3L, 2L, 1L,
                        List.of(new PackStateCount("ACTIVE", 1), new PackStateCount("UNKNOWN_SERIAL", 1), new PackStateCount("HUB_FAULT", 1)),
                        T0, T0.plusSeconds(5)),
                new PackStateFinding(PackStateFindingKind.PACKS_NOT_ACTIVE, PackStateSweep.RELEASED, GTIN, BATCH, CMO, 2L,
                        List.of(SerialNumber.of("A0000001"), SerialNumber.of("A0000002")), "2 packs DESTROYED",
                        "ERP released the batch on 2025-03-01; no decommissioning was reported", "PSQ-1", T0));
    }

    public static List<CanonicalRecord> minimal() {
        return List.of(
                new Batch(PPN, BATCH, BatchStatus.PLANNED, CMO, null, null, null, null, null, null, null, null),
                new PackagingRun("PR-1", CMO, null, LineId.of("L1"), GTIN, BATCH, null, null, null, null, null, null, null, null),
                new SerialisationEvent("E1", SerialisationAction.SHIP, T0, CMO, null, null, null, null, null, null, null),
                new QcResult(CMO, GTIN, BATCH, null, "APPEARANCE", null, null, null, null, null, null, "conforms", null, false, null, null),
                new QualityEvent("CAPA-1", QualityEventKind.CAPA, Severity.MINOR, QualityEventStatus.OPEN, CMO, null, "Retrain operators", null,
                        LocalDate.of(2025, 1, 1), null, null, null),
                new Shipment("SH-1", CMO, null, null, null, T0, null, List.of(new ShipmentLine(PPN, BATCH, Quantity.of("1", "packs"))), null),
                new PackState(GTIN, SerialNumber.of("X"), null, null, null, PackStatus.ACTIVE, null, null, null, null, T0),
                new Alert("A-1", AlertCode.of("A99"), null, null, null, T0, AlertSource.EMAIL, null, null, null, null),
                new UploadRejection("U-1", "I1", "Invalid File Format", null, null, null, null, T0),
                new EvidenceRequest("ER-2", "CASE-2", AlertCode.A3, CMO, List.of(new EvidenceItem("pack-photo", "Photo of the pack", false)),
                        T0, T0, null, EvidenceRequestStatus.OPEN),
                new InvestigationCase("CASE-2", List.of("A-1"), AlertCode.of("A99"), CaseStatus.OPEN, null, null, null, null, T0, null, null, null),
                new ReleaseCheck(PPN, BATCH, null, ReleaseCheckOutcome.PASS, null, null, T0),
                new PackStateSummary("PSQ-2", PackStateQueryScope.PACKS, null, null, "api", 0L, 0L, 0L, null, T0, T0),
                new PackStateFinding(PackStateFindingKind.BATCH_UNKNOWN_AT_HUB, PackStateSweep.NEAR_EXPIRY, PPN, BATCH, null, 0L, null,
                        "no such batch", "ERP holds the batch as RELEASED", null, T0));
    }
}
