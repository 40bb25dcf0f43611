package io.cmohub.coordination;

import io.cmohub.testsupport.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.model.Alert;
import io.cmohub.model.AlertCode;
import io.cmohub.model.AlertSource;
import io.cmohub.model.AttributionOutcome;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.Chunk;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.EntityType;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.LineClearance;
import io.cmohub.model.PackagingRun;
import io.cmohub.model.ReconciliationVerdict;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.SerialCounts;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.model.event.EventIds;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditVerification;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.coordination.cases.AlertOutcome;
import io.cmohub.coordination.cases.CaseClosure;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CoordinationSettings;
import io.cmohub.coordination.cases.EamsUpdate;
import io.cmohub.coordination.cases.EvidenceAnswer;
import io.cmohub.coordination.cases.EvidenceFile;
import io.cmohub.coordination.cases.NotYourRequestException;
import io.cmohub.coordination.cases.StoredAnswer;
import io.cmohub.coordination.cases.TimelineEntry;
import io.cmohub.coordination.evidence.EmailEvidenceDispatcher;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.evidence.PortalEvidenceDispatcher;
import io.cmohub.coordination.evidence.WebhookEvidenceDispatcher;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.coordination.liaison.Contact;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.coordination.liaison.LiaisonSeed;
import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.coordination.outbox.OutboxMessage;
import io.cmohub.coordination.reconcile.Reconciler;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.registry.HubUploadStatus;
import io.cmohub.coordination.registry.RegisteredBatch;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.release.ReleaseCheckResult;
import io.cmohub.coordination.scorecard.AlertPattern;
import io.cmohub.coordination.scorecard.CmoScore;
import io.cmohub.coordination.scorecard.Scorecard;
import io.cmohub.coordination.sla.SlaSweeper;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.outbound.WebhookSignature;
import io.cmohub.routes.store.FileSystemDocumentStore;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert coordination against real components: a real database with the Flyway migrations (H2,
 * and PostgreSQL when CMOHUB_TEST_POSTGRES_URL is set), the EU Hub simulator answering over SOAP
 * with its seeded scenario packs, WireMock as the CMO's and sponsor QA's webhooks, the file-system
 * document store and the hash-chained audit trail. Time is a test clock.
 */
abstract class CoordinationTest {
    static final PartnerId ACME = PartnerId.of("acme-lyon");
    static final SiteId ACME_SITE = SiteId.of("ACME-LYON");
    static final ProductCode DERMOCORT = ProductCode.of("05012345100036");
    static final ProductCode CARDIOZOL = ProductCode.of("05012345100012");
    static final BatchId DC24100 = BatchId.of("DC24100");
    static final BatchId CZ24001 = BatchId.of("CZ24001");
    static final BatchId CZ24002 = BatchId.of("CZ24002");
    /** Friday 20 November 2026, 16:00 in Lyon. */
    static final Instant FRIDAY_4PM_PARIS = Instant.parse("2026-11-20T15:00:00Z");
    /** A (fictional) site holiday on the Monday: the SLA must skip it. */
    static final LocalDate SITE_HOLIDAY = LocalDate.of(2026, 11, 23);
    static final String ACME_SECRET = "acme-webhook-secret-0123456789";
    static final String QA_SECRET = "qa-webhook-secret-9876543210";

    static EuHubSimulatorServer simulator;
    static EuHubGateway hub;
    static WireMockServer webhooks;

    DataSource dataSource;
    ManualClock clock;
    JdbcAuditTrail audit;
    BatchRegistry registry;
    LiaisonRegister liaisons;
    CaseCoordinator cases;
    CoordinationSettings settings;
    OutboxDelivery outbox;
    List<String[]> mails = new CopyOnWriteArrayList<>();
    List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
    List<EamsUpdate> eamsUpdates = new CopyOnWriteArrayList<>();
    @TempDir
    Path documents;

    abstract DataSource database();

    @BeforeAll
    static void startHubAndWebhooks() {
        simulator = EuHubSimulatorServer.builder().clock(Clock.fixed(FRIDAY_4PM_PARIS, ZoneOffset.UTC)).build().start();
        // No cache: reconciliation needs the Hub's current answer; one attempt keeps failures visible.
        hub = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address())))
                .retry(RetryPolicy.NONE).cache(CachePolicy.OFF).build();
        webhooks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        webhooks.start();
    }

    @AfterAll
    static void stopHubAndWebhooks() {
        hub.close();
        simulator.stop();
        webhooks.stop();
    }

    @BeforeEach
    void wire() throws Exception {
        webhooks.resetAll();
        webhooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(202)));
        webhooks.stubFor(post(urlEqualTo("/sponsor/qa")).willReturn(aResponse().withStatus(200)));
        dataSource = database();
        clock = new ManualClock(FRIDAY_4PM_PARIS);
        audit = new JdbcAuditTrail(dataSource);
        registry = new BatchRegistry(dataSource, audit, clock);
        liaisons = new LiaisonRegister(dataSource, audit, clock);
        settings = new CoordinationSettings(CoordinationSettings.DEFAULT_SOURCE, new Contact("Sponsor QA on duty", "qa@sponsor.example"),
                new Channel(ChannelType.WEBHOOK, webhooks.baseUrl() + "/sponsor/qa", "qa-webhook"), 0.5, 10_000_000, "node-a");
        cases = coordinator("node-a");
        outbox = delivery("node-a");
    }

    @AfterEach
    void checkAuditChain() {
        if (audit == null) {
            return; // the database was not available and the test was skipped
        }
        AuditVerification verification = audit.verify();
        assertThat(verification.valid()).as(verification.problem()).isTrue();
    }

    CaseCoordinator coordinator(String node) throws Exception {
        CoordinationSettings nodeSettings = new CoordinationSettings(settings.eventSource(), settings.sponsorQa(), settings.sponsorQaChannel(),
                settings.reminderFraction(), settings.maxEvidenceFileBytes(), node);
        return new CaseCoordinator(dataSource, audit, clock, registry, liaisons, EvidenceTemplates.defaults(), new Reconciler(hub, registry, clock),
                new FileSystemDocumentStore(documents), nodeSettings);
    }

    OutboxDelivery delivery(String node) {
        WebhookEvidenceDispatcher webhook = new WebhookEvidenceDispatcher(ref -> Optional.ofNullable(Map.of("acme-webhook", ACME_SECRET,
                "qa-webhook", QA_SECRET).get(ref)), clock, Duration.ofSeconds(2), Duration.ofSeconds(5));
        EmailEvidenceDispatcher email = new EmailEvidenceDispatcher((to, subject, text, id) -> mails.add(new String[] {to, subject, text, id}));
        return new OutboxDelivery(dataSource, audit, clock, node, List.of(webhook, email, new PortalEvidenceDispatcher()),
                (batch, documentId) -> published.addAll(batch), eamsUpdates::add, OutboxDelivery.Settings.DEFAULTS);
    }

    // ------------------------------------------------------------------ fixtures

    void seedAcmeLiaison() throws Exception {
        String yaml = """
                liaisons:
                  - partner: acme-lyon
                    liaison: { name: Claire Martin, email: claire.martin@acme.example }
                    backup:  { name: Paul Durand, email: paul.durand@acme.example }
                    channels:
                      - { type: webhook, address: "%s/acme/alerts", secretRef: acme-webhook }
                      - { type: email, address: fmd-alerts@acme.example }
                    responseSlaBusinessHours: 8
                    path: PARALLEL
                    calendar:
                      timeZone: Europe/Paris
                      workingDays: [MON, TUE, WED, THU, FRI]
                      hours: "08:00-17:00"
                      holidays: [2026-11-23, 2026-12-25]
                """.formatted(webhooks.baseUrl());
        List<Liaison> seeded = LiaisonSeed.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(LiaisonSeed.apply(liaisons, seeded, "seed")).isEqualTo(1);
    }

    /** Dermocort DC24100 as ACME's ERP and line report it: batch record expiry 300228 (as uploaded), but the line printed 300331. */
    void seedDermocortBatch(String printedExpiry) {
        registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300228"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 7, 2), new Quantity(new BigDecimal("4"), "EA"), new Quantity(new BigDecimal("4"), "EA"),
                List.of(Market.of("IE"), Market.of("PT")), Instant.parse("2024-07-02T08:00:00Z")));
        registry.apply(packagingRun("PR-DC24100-1", DERMOCORT, DC24100, DC24100, printedExpiry, 4));
        registry.apply(commissioning("EV-DC24100", DERMOCORT, DC24100, List.of("Z8V96FJKFU32", "KBLNWF37VU8H", "GWAKBTYH9N8V", "EXWZL7YDMWQ3")));
    }

    static PackagingRun packagingRun(String runId, ProductCode product, BatchId batch, BatchId printedBatch, String printedExpiry, long commissioned) {
        return new PackagingRun(runId, ACME, ACME_SITE, LineId.of("L3"), product, batch, printedBatch, Expiry.parse(printedExpiry), "AW-7",
                new LineClearance(Instant.parse("2024-06-20T06:00:00Z"), "operator-12", "qa-3", true, "LC-" + runId), Instant.parse("2024-06-20T06:30:00Z"),
                Instant.parse("2024-06-20T14:00:00Z"), new SerialCounts(commissioned, 0, 0), List.of());
    }

    static SerialisationEvent commissioning(String eventId, ProductCode product, BatchId batch, List<String> serials) {
        List<String> epcs = serials.stream().map(s -> "https://id.gs1.org/01/" + product.value() + "/21/" + s).toList();
        return new SerialisationEvent(eventId, SerialisationAction.COMMISSION, Instant.parse("2024-06-20T07:00:00Z"), ACME, null, product, batch, null,
                null, epcs, new Chunk(1, 1));
    }

    static Alert alert(String id, AlertCode code, String product, String serial, String batch, String expiry, String market, Instant raisedAt) {
        return new Alert(id, code, null, Market.of(market), new ScannedIdentifiers(product, "GTIN", serial, batch, expiry), raisedAt, AlertSource.HUB,
                EamsStatus.NEW, List.of(), null, "pharmacy in " + market);
    }

    int count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            SqlValues.bindAll(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ------------------------------------------------------------------ the issue 7 scenario

    @Test
    void a52AlertFromIntakeToClosure() throws Exception {
        seedAcmeLiaison();
        seedDermocortBatch("300331");

        // A pharmacy in Ireland scans a Dermocort pack printed with expiry 300331; the Hub holds 300228.
        Alert a52 = alert("ALERT-A52-1", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE", FRIDAY_4PM_PARIS.minusSeconds(600));
        AlertOutcome outcome = cases.onAlert(a52);

        assertThat(outcome.change()).isEqualTo(AlertOutcome.Change.OPENED);
        InvestigationCase opened = outcome.investigationCase();
        assertThat(opened.attribution().outcome()).isEqualTo(AttributionOutcome.ATTRIBUTED);
        assertThat(opened.attribution().partner()).isEqualTo(ACME);
        assertThat(opened.attribution().site()).isEqualTo(ACME_SITE);
        assertThat(opened.attribution().line()).isEqualTo(LineId.of("L3"));
        assertThat(opened.attribution().packagingRunId()).isEqualTo("PR-DC24100-1");
        assertThat(opened.status()).isEqualTo(CaseStatus.AWAITING_CMO);

        // Reconciliation: printed 300331, uploaded and batch record 300228 -> the line printed the wrong expiry.
        Reconciliation reconciliation = outcome.reconciliation().orElseThrow();
        assertThat(reconciliation.verdict()).isEqualTo(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        assertThat(opened.verdict()).isEqualTo(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        var expiryFinding = reconciliation.findings().stream().filter(f -> f.code().equals("PRINTED_VS_UPLOADED_EXPIRY")).findFirst().orElseThrow();
        assertThat(expiryFinding.facts()).containsEntry("printed", "300331").containsEntry("uploaded", "300228").containsEntry("batchRecord", "300228");
        assertThat(cases.views().reconciliation(opened.caseId()).orElseThrow()).isEqualTo(reconciliation);

        // The evidence request: the A52 items, due 8 business hours later on Lyon's calendar:
        // 1 h on Friday (16-17), Monday is a site holiday, 7 h on Tuesday -> Tuesday 15:00 Paris = 14:00 UTC.
        EvidenceRequest request = outcome.evidenceRequest().orElseThrow();
        assertThat(request.items()).extracting(EvidenceItem::code).containsExactly("packaging-order", "artwork-signoff", "printed-vs-uploaded-expiry");
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(request.channel()).isEqualTo("webhook");
        assertThat(request.partner()).isEqualTo(ACME);
        // The work list shows the case with that due time, in one query; filters narrow it, a closed status empties it.
        assertThat(cases.views().board(new io.cmohub.coordination.cases.CaseBoardQuery(null, null, null, null, 50)))
                .singleElement().satisfies(row -> {
                    assertThat(row.caseId()).isEqualTo(opened.caseId());
                    assertThat(row.partner()).isEqualTo("acme-lyon");
                    assertThat(row.dueAt()).isEqualTo(request.dueAt());
                });
        assertThat(cases.views().board(new io.cmohub.coordination.cases.CaseBoardQuery(null, "acme-lyon", "A52", "IE", 50))).hasSize(1);
        assertThat(cases.views().board(new io.cmohub.coordination.cases.CaseBoardQuery(null, "beta-cmo", null, null, 50))).isEmpty();
        assertThat(cases.views().board(new io.cmohub.coordination.cases.CaseBoardQuery(io.cmohub.model.CaseStatus.CLOSED, null, null, null, 50))).isEmpty();

        // Nothing left the hub before commit; the outbox delivers the request to ACME's webhook, signed.
        assertThat(webhooks.getAllServeEvents()).isEmpty();
        assertThat(outbox.deliverDue()).isGreaterThanOrEqualTo(4);
        List<LoggedRequest> toAcme = webhooks.findAll(postRequestedFor(urlEqualTo("/acme/alerts")));
        assertThat(toAcme).hasSize(1);
        LoggedRequest delivered = toAcme.get(0);
        assertThat(WebhookSignature.verify(ACME_SECRET, delivered.getHeader(WebhookSignature.TIMESTAMP_HEADER), delivered.getBody(),
                delivered.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(delivered.getHeader(WebhookEvidenceDispatcher.DELIVERY_HEADER)).isEqualTo(request.requestId() + "-request");
        JsonNode body = CanonicalJson.mapper().readTree(delivered.getBodyAsString());
        assertThat(body.path("kind").asText()).isEqualTo("EVIDENCE_REQUEST");
        assertThat(body.path("request").path("dueAt").asText()).isEqualTo("2026-11-24T14:00:00Z");
        assertThat(body.path("text").asText()).contains("[packaging-order]").contains("Tue 24 Nov 2026 15:00");
        assertThat(published).extracting(e -> e.entityType()).contains(EntityType.INVESTIGATION_CASE, EntityType.EVIDENCE_REQUEST);
        assertThat(eamsUpdates).singleElement().satisfies(u -> {
            assertThat(u.alertId()).isEqualTo("ALERT-A52-1");
            assertThat(u.status()).isEqualTo(EamsStatus.UNDER_INVESTIGATION);
            assertThat(u.mahInvestigation()).isEqualTo(InvestigationStatus.INVESTIGATION_PENDING);
        });

        // The same alert again (a re-delivery) changes nothing.
        int timelineBefore = cases.views().timeline(opened.caseId()).size();
        assertThat(cases.onAlert(a52).change()).isEqualTo(AlertOutcome.Change.DUPLICATE);
        assertThat(cases.views().timeline(opened.caseId())).hasSize(timelineBefore);
        assertThat(count("SELECT COUNT(*) FROM coordination_case")).isEqualTo(1);

        // Before the reminder time nothing fires; the reminder (4 business hours: Tuesday 11:00 Paris) fires once.
        SlaSweeper sweeperA = new SlaSweeper(dataSource, clock, "node-a", coordinator("node-a"), 100);
        assertThat(sweeperA.sweep()).isZero();
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(sweeperA.sweep()).isEqualTo(1);
        assertThat(sweeperA.sweep()).isZero();

        // Past the SLA: two nodes sweep the same database at once; the escalation fires exactly once.
        clock.set(Instant.parse("2026-11-24T14:00:01Z"));
        SlaSweeper sweeperB = new SlaSweeper(dataSource, clock, "node-b", coordinator("node-b"), 100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return sweeperA.sweep();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return sweeperB.sweep();
            });
            start.countDown();
            assertThat(a.get() + b.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sweeperA.sweep() + sweeperB.sweep()).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'SLA_ESCALATION'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM coordination_sla_clock WHERE state = 'FIRED'")).isEqualTo(2);
        assertThat(cases.views().find(opened.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(cases.views().requests(opened.caseId())).singleElement().extracting(EvidenceRequest::status).isEqualTo(EvidenceRequestStatus.ESCALATED);

        outbox.deliverDue();
        assertThat(webhooks.findAll(postRequestedFor(urlEqualTo("/sponsor/qa")).withHeader(WebhookEvidenceDispatcher.KIND_HEADER, equalTo("ESCALATION"))))
                .hasSize(1);
        assertThat(webhooks.findAll(postRequestedFor(urlEqualTo("/acme/alerts")).withHeader(WebhookEvidenceDispatcher.KIND_HEADER, equalTo("REMINDER"))))
                .hasSize(1);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m[0]).isEqualTo("paul.durand@acme.example");
            assertThat(m[1]).contains("Overdue evidence request " + request.requestId());
        });
        // Sweeping and delivering again sends nothing more.
        assertThat(sweeperA.sweep()).isZero();
        assertThat(outbox.deliverDue()).isZero();
        assertThat(webhooks.findAll(postRequestedFor(urlEqualTo("/sponsor/qa")))).hasSize(1);

        // Another CMO cannot answer ACME's request.
        assertThatThrownBy(() -> cases.respond(request.requestId(), PartnerId.of("other-cmo"),
                List.of(new EvidenceAnswer("packaging-order", "not ours", null)), null)).isInstanceOf(NotYourRequestException.class);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'EVIDENCE_ANSWER' AND outcome = 'DENIED'")).isEqualTo(1);
        // An item the request did not ask for is refused before anything is stored.
        assertThatThrownBy(() -> cases.respond(request.requestId(), ACME, List.of(new EvidenceAnswer("pack-photo", "photo", null)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not ask for 'pack-photo'");

        // ACME answers: files and structured answers; the request is answered and the case goes to review.
        clock.set(Instant.parse("2026-11-24T15:30:00Z"));
        byte[] order = "PACKAGING ORDER PO-7781: expiry to print 02/2030".getBytes(StandardCharsets.UTF_8);
        EvidenceRequest answered = cases.respond(request.requestId(), ACME, List.of(
                new EvidenceAnswer("packaging-order", "PO-7781 says expiry 02/2030", List.of(new EvidenceFile("PO-7781.pdf", new ByteArrayInputStream(order)))),
                new EvidenceAnswer("artwork-signoff", "AW-7 signed 2024-06-01 by QA", null)), "partner:acme-lyon/claire.martin");
        assertThat(answered.status()).isEqualTo(EvidenceRequestStatus.ESCALATED);
        answered = cases.respond(request.requestId(), ACME, List.of(new EvidenceAnswer("printed-vs-uploaded-expiry",
                "printer template kept the expiry of the previous batch: 300331 printed, 300228 correct", null)), "partner:acme-lyon/claire.martin");
        assertThat(answered.status()).isEqualTo(EvidenceRequestStatus.ANSWERED);
        assertThat(cases.views().find(opened.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        List<StoredAnswer> stored = cases.views().answers(request.requestId());
        assertThat(stored).hasSize(3);
        StoredAnswer file = stored.stream().filter(a -> a.documentId() != null).findFirst().orElseThrow();
        assertThat(file.sizeBytes()).isEqualTo(order.length);
        assertThat(file.sha256()).isEqualTo(io.cmohub.routes.store.Sha256.hex(new String(order, StandardCharsets.UTF_8)));
        assertThat(new FileSystemDocumentStore(documents).open(file.documentId()).readAllBytes()).isEqualTo(order);

        // Sponsor QA closes the case; the EAMS gets the closure with the MAH's root cause.
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        InvestigationCase closed = cases.close(opened.caseId(), "admin:qa.lead", new CaseClosure("Printer template error at ACME line L3; CAPA-2026-114", null));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(cases.close(opened.caseId(), "admin:qa.lead", new CaseClosure("again", null)).closedAt()).isEqualTo(closed.closedAt());
        outbox.deliverDue();
        assertThat(eamsUpdates).last().satisfies(u -> {
            assertThat(u.status()).isEqualTo(EamsStatus.CLOSED);
            assertThat(u.mahInvestigation()).isEqualTo(InvestigationStatus.ROOT_CAUSE_ON_MY_SIDE);
            assertThat(u.reason()).contains("CAPA-2026-114");
        });
        assertThat(outbox.undelivered()).isEmpty();

        // The timeline shows every step, with the side that owns it.
        List<TimelineEntry> timeline = cases.views().timeline(opened.caseId());
        assertThat(timeline).extracting(TimelineEntry::action).containsSubsequence("CASE_OPENED", "ATTRIBUTED", "RECONCILED", "EVIDENCE_REQUESTED",
                "EAMS_UPDATE", "REMINDER_SENT", "ESCALATED", "EVIDENCE_RECEIVED", "EVIDENCE_COMPLETE", "CASE_CLOSED");
        assertThat(timeline).extracting(TimelineEntry::party).contains(Party.MAH, Party.CMO, Party.SHARED, Party.SYSTEM);
        assertThat(timeline.stream().filter(t -> t.action().equals("ACTION")).map(TimelineEntry::party)).contains(Party.MAH, Party.CMO, Party.SHARED);

        // Each published state of the request has its own revision: DISPATCHED, ESCALATED, ANSWERED.
        assertThat(published.stream().filter(e -> e.entityType() == EntityType.EVIDENCE_REQUEST).map(e -> (EvidenceRequest) e.data())
                .sorted(Comparator.comparing(EvidenceRequest::revision)))
                .extracting(EvidenceRequest::revision, EvidenceRequest::status)
                .containsExactly(tuple(1, EvidenceRequestStatus.DISPATCHED), tuple(2,
                        EvidenceRequestStatus.ESCALATED), tuple(3, EvidenceRequestStatus.ANSWERED));

        // The published case carries the final state.
        InvestigationCase last = published.stream().filter(e -> e.entityType() == EntityType.INVESTIGATION_CASE).map(e -> (InvestigationCase) e.data())
                .reduce((x, y) -> y).orElseThrow();
        assertThat(last.status()).isEqualTo(CaseStatus.CLOSED);

        // The scorecard: one A52 for ACME, site and line; evidence answered after the due time.
        List<AlertPattern> patterns = new Scorecard(dataSource).alertPatterns(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(patterns).containsExactly(new AlertPattern("acme-lyon", "ACME-LYON", "L3", "A52", YearMonth.of(2026, 11), 1));
        CmoScore score = new Scorecard(dataSource).scores(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")).get(0);
        assertThat(score.partner()).isEqualTo("acme-lyon");
        assertThat(score.requests()).isEqualTo(1);
        assertThat(score.answered()).isEqualTo(1);
        assertThat(score.answeredOnTime()).isZero();
        assertThat(score.escalated()).isEqualTo(1);
        assertThat(score.meanEvidenceTurnaround()).isEqualTo(Duration.between(FRIDAY_4PM_PARIS, Instant.parse("2026-11-24T15:30:00Z")));
        assertThat(score.meanClosureTime()).isEqualTo(Duration.between(FRIDAY_4PM_PARIS, Instant.parse("2026-11-25T09:00:00Z")));
        // on Lyon's calendar (Mon-Fri 08:00-17:00 Paris, Monday 23 a holiday): Friday 16:00-17:00 and Tuesday 08:00-16:30 = 9 h 30 min of working time
        CmoScore working = Scorecard.onBusinessCalendars(dataSource, liaisons)
                .scores(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")).get(0);
        assertThat(working.meanEvidenceTurnaround()).isEqualTo(Duration.ofMinutes(9 * 60 + 30));
        assertThat(working.answeredOnTime()).isEqualTo(score.answeredOnTime());
    }

    /**
     * A case whose state returns (verdict A -> B -> A) has three published states. With content-derived
     * ids alone the third event got the first one's id back: the outbox kept one message and consumers
     * deduplicating on the id stayed at B. The revision makes each change an event of its own.
     */
    @Test
    void aCaseThatReturnsToAnEarlierStatePublishesEachChange() throws Exception {
        seedAcmeLiaison();
        seedDermocortBatch("300331");
        InvestigationCase opened = cases.onAlert(alert("ALERT-A52-R", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE",
                FRIDAY_4PM_PARIS.minusSeconds(600))).investigationCase();
        String caseId = opened.caseId();
        assertThat(opened.verdict()).isEqualTo(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        assertThat(opened.revision()).isEqualTo(1);

        // The ERP "corrects" the batch record to the printed expiry: now the upload looks wrong (B) ...
        registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300331"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 7, 2), new Quantity(new BigDecimal("4"), "EA"), new Quantity(new BigDecimal("4"), "EA"),
                List.of(Market.of("IE"), Market.of("PT")), Instant.parse("2024-07-03T08:00:00Z")));
        assertThat(cases.reconcile(caseId).verdict()).isEqualTo(ReconciliationVerdict.LIKELY_UPLOAD_ERROR);
        // ... and takes the correction back: the case returns to exactly its first state (A).
        registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300228"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 7, 2), new Quantity(new BigDecimal("4"), "EA"), new Quantity(new BigDecimal("4"), "EA"),
                List.of(Market.of("IE"), Market.of("PT")), Instant.parse("2024-07-04T08:00:00Z")));
        assertThat(cases.reconcile(caseId).verdict()).isEqualTo(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        // Reconciling once more with the same outcome is no change: nothing new is published.
        cases.reconcile(caseId);

        List<CanonicalEvent> caseEvents = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message_id, payload FROM coordination_outbox WHERE kind = 'EVENT' AND case_id = ?")) {
            SqlValues.bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CanonicalEvent event = new CanonicalEventReader().read(CanonicalJson.mapper().readTree(rs.getString("payload")));
                    assertThat(rs.getString("message_id")).isEqualTo("event-" + event.id());
                    if (event.entityType() == EntityType.INVESTIGATION_CASE) {
                        caseEvents.add(event);
                    }
                }
            }
        }
        caseEvents.sort(Comparator.comparing(e -> ((InvestigationCase) e.data()).revision()));
        assertThat(caseEvents).hasSize(3);
        assertThat(caseEvents).extracting(CanonicalEvent::id).doesNotHaveDuplicates();
        assertThat(caseEvents).extracting(e -> ((InvestigationCase) e.data()).revision()).containsExactly(1, 2, 3);
        assertThat(caseEvents).extracting(e -> ((InvestigationCase) e.data()).verdict()).containsExactly(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR,
                ReconciliationVerdict.LIKELY_UPLOAD_ERROR, ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        InvestigationCase first = (InvestigationCase) caseEvents.get(0).data();
        InvestigationCase third = (InvestigationCase) caseEvents.get(2).data();
        // Same content as the first state: only the revision tells them apart (without it the ids were equal).
        assertThat(third.withRevision(null)).isEqualTo(first.withRevision(null));
        assertThat(EventIds.of(third.withRevision(null))).isEqualTo(EventIds.of(first.withRevision(null)));
        assertThat(cases.views().find(caseId).orElseThrow().revision()).isEqualTo(3);

        // Delivered, and through a consumer that deduplicates on the event id with the hub's own event ledger: none swallowed.
        outbox.deliverDue();
        List<CanonicalEvent> delivered = published.stream().filter(e -> e.entityType() == EntityType.INVESTIGATION_CASE).toList();
        assertThat(delivered).extracting(CanonicalEvent::id).containsExactlyInAnyOrderElementsOf(caseEvents.stream().map(CanonicalEvent::id).toList());
        JdbcEventLedger ledger = new JdbcEventLedger(dataSource);
        for (CanonicalEvent event : caseEvents) {
            try (var claim = ledger.claim(List.of(event.id()), "consumer-test")) {
                assertThat(claim.claimed()).as("revision %s", ((InvestigationCase) event.data()).revision()).containsExactly(event.id());
                claim.commit();
            }
        }
        // A re-delivery of the third state is still a duplicate.
        try (var again = ledger.claim(List.of(caseEvents.get(2).id()), "consumer-test")) {
            assertThat(again.claimed()).isEmpty();
        }
    }

    @Test
    void a52WithTheUploadWrongIsAnUploadError() throws Exception {
        seedAcmeLiaison();
        // The batch record says 300331 and the line printed 300331; only the upload (300228) differs.
        registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300331"), null, null, null, null,
                List.of(Market.of("IE")), Instant.parse("2024-07-02T08:00:00Z")));
        registry.apply(packagingRun("PR-DC24100-1", DERMOCORT, DC24100, DC24100, "300331", 4));
        AlertOutcome outcome = cases.onAlert(alert("ALERT-A52-2", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE",
                FRIDAY_4PM_PARIS));
        assertThat(outcome.reconciliation().orElseThrow().verdict()).isEqualTo(ReconciliationVerdict.LIKELY_UPLOAD_ERROR);
    }

    @Test
    void a68SerialUnderAnotherBatch() throws Exception {
        seedAcmeLiaison();
        // The Hub holds A68EU2HJUYQW under CZ24001; the pack shows CZ24002. ACME commissioned it under CZ24001, and its
        // CZ24001 run printed CZ24002 (a line mix-up): the pack carries the wrong batch.
        registry.apply(new Batch(CARDIOZOL, CZ24001, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("310600"), null, null, null, null,
                List.of(Market.of("DE")), Instant.parse("2024-06-01T08:00:00Z")));
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("311231"), null, null, null, null,
                List.of(Market.of("DE")), Instant.parse("2024-06-11T08:00:00Z")));
        registry.apply(packagingRun("PR-CZ24001-2", CARDIOZOL, CZ24001, CZ24002, "310600", 1));
        registry.apply(commissioning("EV-CZ24001", CARDIOZOL, CZ24001, List.of("A68EU2HJUYQW")));
        AlertOutcome outcome = cases.onAlert(alert("ALERT-A68-1", AlertCode.A68, "05012345100012", "A68EU2HJUYQW", "CZ24002", "311231", "DE",
                FRIDAY_4PM_PARIS));
        Reconciliation reconciliation = outcome.reconciliation().orElseThrow();
        assertThat(reconciliation.verdict()).isEqualTo(ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR);
        assertThat(reconciliation.has("HUB_PACK_BATCH")).isTrue();
        assertThat(reconciliation.has("PRINTED_BATCH")).isTrue();
        assertThat(outcome.evidenceRequest().orElseThrow().items()).extracting(EvidenceItem::code)
                .containsExactly("line-clearance-record", "batch-print-record", "artwork-change-history");
        // A second A68 on the same batch joins the open case.
        AlertOutcome second = cases.onAlert(alert("ALERT-A68-2", AlertCode.A68, "05012345100012", "A68EU2HJUYQW", "CZ24002", "311231", "DE",
                FRIDAY_4PM_PARIS.plusSeconds(60)));
        assertThat(second.change()).isEqualTo(AlertOutcome.Change.JOINED);
        assertThat(second.investigationCase().alertIds()).containsExactly("ALERT-A68-1", "ALERT-A68-2");
        assertThat(cases.views().requests(second.investigationCase().caseId())).hasSize(1);
    }

    @Test
    void twoAlertsOfOneBatchOnTwoNodesAtOnceShareOneCase() throws Exception {
        seedAcmeLiaison();
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("311231"), null, null, null, null,
                List.of(Market.of("DE")), Instant.parse("2024-06-11T08:00:00Z")));
        CaseCoordinator nodeB = coordinator("node-b");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            var a = pool.submit(() -> {
                start.await();
                return cases.onAlert(alert("ALERT-RACE-1", AlertCode.A68, "05012345100012", "A68EU2HJUYQW", "CZ24002", "311231", "DE", FRIDAY_4PM_PARIS));
            });
            var b = pool.submit(() -> {
                start.await();
                return nodeB.onAlert(alert("ALERT-RACE-2", AlertCode.A68, "05012345100012", "A68EU2HJUYQW", "CZ24002", "311231", "DE",
                        FRIDAY_4PM_PARIS.plusSeconds(1)));
            });
            start.countDown();
            assertThat(List.of(a.get().change(), b.get().change())).containsExactlyInAnyOrder(AlertOutcome.Change.OPENED, AlertOutcome.Change.JOINED);
            assertThat(a.get().investigationCase().caseId()).isEqualTo(b.get().investigationCase().caseId());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM coordination_case")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM coordination_evidence_request")).isEqualTo(1);
    }

    @Test
    void unknownBatchAndNotCmoProduced() throws Exception {
        seedDermocortBatch("300331");
        AlertOutcome unknownBatch = cases.onAlert(alert("ALERT-A2-1", AlertCode.A2, "05012345100036", "NOPE00000001", "DC99999", "300228", "IE",
                FRIDAY_4PM_PARIS));
        assertThat(unknownBatch.investigationCase().attribution().outcome()).isEqualTo(AttributionOutcome.UNKNOWN_BATCH);
        assertThat(unknownBatch.investigationCase().attribution().reason()).contains("acme-lyon").contains("DC99999");
        assertThat(unknownBatch.evidenceRequest()).isEmpty();
        assertThat(unknownBatch.investigationCase().status()).isEqualTo(CaseStatus.OPEN);

        AlertOutcome inHouse = cases.onAlert(alert("ALERT-A3-1", AlertCode.A3, "111234567842", "XYZ123", "NE24500", "290630", "DE", FRIDAY_4PM_PARIS));
        assertThat(inHouse.investigationCase().attribution().outcome()).isEqualTo(AttributionOutcome.NOT_CMO_PRODUCED);
        assertThat(inHouse.investigationCase().attribution().reason()).contains("no CMO is registered for product 111234567842");
        assertThat(cases.views().list(CaseStatus.OPEN, null, 10)).extracting(InvestigationCase::alertIds).containsExactlyInAnyOrder(List.of("ALERT-A2-1"),
                List.of("ALERT-A3-1"));
        assertThat(cases.views().list(null, ACME, 10)).isEmpty();
    }

    @Test
    void attributedWithoutLiaisonAsksNobodyAndSaysSo() throws Exception {
        seedDermocortBatch("300331");
        AlertOutcome outcome = cases.onAlert(alert("ALERT-A52-9", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE",
                FRIDAY_4PM_PARIS));
        assertThat(outcome.investigationCase().attribution().outcome()).isEqualTo(AttributionOutcome.ATTRIBUTED);
        assertThat(outcome.evidenceRequest()).isEmpty();
        assertThat(cases.views().timeline(outcome.investigationCase().caseId())).extracting(TimelineEntry::action).contains("NO_LIAISON");
    }

    @Test
    void registryIsIdempotentAndOrderSafe() throws Exception {
        seedDermocortBatch("300331");
        long auditRows = count("SELECT COUNT(*) FROM audit_event");
        // The same records again change nothing, write no audit row.
        assertThat(registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300228"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 7, 2), new Quantity(new BigDecimal("4"), "EA"), new Quantity(new BigDecimal("4"), "EA"),
                List.of(Market.of("IE"), Market.of("PT")), Instant.parse("2024-07-02T08:00:00Z")))).isFalse();
        assertThat(registry.apply(packagingRun("PR-DC24100-1", DERMOCORT, DC24100, DC24100, "300331", 4))).isFalse();
        assertThat(registry.apply(commissioning("EV-DC24100", DERMOCORT, DC24100, List.of("Z8V96FJKFU32", "KBLNWF37VU8H", "GWAKBTYH9N8V",
                "EXWZL7YDMWQ3")))).isFalse();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(auditRows);
        // An older batch record does not roll the batch back.
        assertThat(registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.PACKED, ACME, ACME_SITE, Expiry.parse("300228"), null, null, null, null,
                List.of(Market.of("IE")), Instant.parse("2024-06-25T08:00:00Z")))).isFalse();
        // Another CMO cannot take the batch over.
        assertThat(registry.apply(new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, PartnerId.of("other-cmo"), null, Expiry.parse("300228"), null,
                null, null, null, List.of(), Instant.parse("2024-08-01T08:00:00Z")))).isFalse();

        RegisteredBatch batch = registry.find(DERMOCORT, DC24100).orElseThrow();
        assertThat(batch.partner()).isEqualTo(ACME);
        assertThat(batch.status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(batch.expiry()).isEqualTo(Expiry.parse("300228"));
        assertThat(batch.markets()).containsExactly(Market.of("IE"), Market.of("PT"));
        assertThat(batch.runs()).singleElement().satisfies(r -> {
            assertThat(r.printedExpiry()).isEqualTo(Expiry.parse("300331"));
            assertThat(r.line()).isEqualTo(LineId.of("L3"));
            assertThat(r.commissionedReported()).isEqualTo(4L);
        });
        assertThat(batch.commissionedSerials()).isEqualTo(4);
        assertThat(batch.hub().status()).isEqualTo(HubUploadStatus.NOT_CHECKED);
        assertThat(registry.batchesOf(ACME)).extracting(RegisteredBatch::batchId).containsExactly(DC24100);

        // A second chunk with one known and one new serial adds only the new one; an upload rejection marks the batch.
        assertThat(registry.apply(new SerialisationEvent("EV-DC24100-B", SerialisationAction.COMMISSION, Instant.parse("2024-06-20T08:00:00Z"), ACME,
                null, DERMOCORT, DC24100, null, null, List.of("https://id.gs1.org/01/05012345100036/21/Z8V96FJKFU32",
                "urn:epc:id:sgtin:5012345.010003.NEWSERIAL1", "urn:epc:id:sscc:4012345.0000000011"), new Chunk(1, 1)))).isTrue();
        assertThat(registry.find(DERMOCORT, DC24100).orElseThrow().commissionedSerials()).isEqualTo(5);
        assertThat(registry.apply(new UploadRejection("UPL-X", "I1", "serial longer than 20 characters", "serial", DERMOCORT, DC24100, null,
                Instant.parse("2024-07-01T07:00:00Z")))).isTrue();
        assertThat(registry.find(DERMOCORT, DC24100).orElseThrow().hub().status()).isEqualTo(HubUploadStatus.REJECTED);
        assertThat(registry.apply(new UploadRejection("UPL-X", "I1", "serial longer than 20 characters", "serial", DERMOCORT, DC24100, null,
                Instant.parse("2024-07-01T07:00:00Z")))).isFalse();
    }

    @Test
    void eventsTakenInAGroupAreAppliedInOrderWithTheAlertBetweenThemSeeingWhatCameBefore() throws Exception {
        seedAcmeLiaison();
        Batch batch = new Batch(DERMOCORT, DC24100, BatchStatus.RELEASED, ACME, ACME_SITE, Expiry.parse("300228"), null, null, null, null,
                List.of(Market.of("IE")), Instant.parse("2024-07-02T08:00:00Z"));
        List<CanonicalRecord> records = List.of(batch, packagingRun("PR-DC24100-1", DERMOCORT, DC24100, DC24100, "300331", 4),
                commissioning("EV-DC24100", DERMOCORT, DC24100, List.of("Z8V96FJKFU32", "KBLNWF37VU8H")),
                alert("ALERT-A52-G", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE", FRIDAY_4PM_PARIS), batch);
        List<String> json = new ArrayList<>();
        for (CanonicalRecord record : records) {
            json.add(CanonicalJson.mapper().writeValueAsString(CanonicalEvent.of(record, CanonicalEvent.partnerSource("acme-lyon"), "acme-lyon",
                    FRIDAY_4PM_PARIS)));
        }
        CoordinationEvents events = new CoordinationEvents(registry, cases);

        assertThat(events.acceptCloudEvents(json)).containsExactly(CoordinationEvents.Effect.REGISTERED, CoordinationEvents.Effect.REGISTERED,
                CoordinationEvents.Effect.REGISTERED, CoordinationEvents.Effect.CASE, CoordinationEvents.Effect.UNCHANGED);
        // the alert came after the three registry records of its group, so it was attributed to the CMO that packed the pack
        assertThat(cases.views().openCasesOf(DERMOCORT, DC24100)).singleElement().satisfies(c -> assertThat(c.attribution().partner()).isEqualTo(ACME));
        assertThat(registry.find(DERMOCORT, DC24100).orElseThrow().commissionedSerials()).isEqualTo(2);
        // one bad record fails its group: nothing of the group is kept
        long auditRows = count("SELECT COUNT(*) FROM audit_event");
        String bad = json.get(0).replace("\"05012345100036\"", "\"0501234510003\"");
        assertThatThrownBy(() -> events.acceptCloudEvents(List.of(
                CanonicalJson.mapper().writeValueAsString(CanonicalEvent.of(packagingRun("PR-DC24100-2", DERMOCORT, DC24100, DC24100, "300331", 4),
                        CanonicalEvent.partnerSource("acme-lyon"), "acme-lyon", FRIDAY_4PM_PARIS)), bad))).isInstanceOf(Exception.class);
        assertThat(registry.find(DERMOCORT, DC24100).orElseThrow().runs()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(auditRows);
    }

    @Test
    void anErrorDeclarationTakesBackTheSerialsOfTheCommissioningItRetractsInEitherOrder() throws Exception {
        // ACME commissioned two serials under CZ24001 by mistake, declares that event erroneous and commissions them under CZ24002
        SerialisationEvent wrong = commissioning("EV-WRONG-BATCH", CARDIOZOL, CZ24001, List.of("RTRSERIAL001", "RTRSERIAL002"));
        registry.apply(wrong);
        registry.apply(commissioning("EV-OTHER", CARDIOZOL, CZ24001, List.of("RTRSERIAL003")));
        assertThat(registry.find(CARDIOZOL, CZ24001).orElseThrow().commissionedSerials()).isEqualTo(3);

        assertThat(registry.apply(retraction(wrong))).isTrue();
        assertThat(registry.find(CARDIOZOL, CZ24001).orElseThrow().commissionedSerials()).as("EV-OTHER's serial stays").isEqualTo(1);
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL001"))).isEmpty();
        long audits = count("SELECT COUNT(*) FROM audit_event");
        assertThat(registry.apply(retraction(wrong))).as("applied once").isFalse();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(audits);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'RETRACT_SERIALS' AND details LIKE 'serialsRemoved=2 %'")).isEqualTo(1);
        // re-sent, the retracted commissioning stays out (its chunk was applied already)
        assertThat(registry.apply(wrong)).isFalse();

        registry.apply(commissioning("EV-RIGHT-BATCH", CARDIOZOL, CZ24002, List.of("RTRSERIAL001", "RTRSERIAL002")));
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL001"))).containsExactly(CZ24002);

        // out of order: the declaration arrives before the event it retracts, which then registers nothing
        SerialisationEvent late = commissioning("EV-LATE", CARDIOZOL, CZ24001, List.of("RTRSERIAL009"));
        assertThat(registry.apply(retraction(late))).isTrue();
        assertThat(registry.apply(late)).isTrue();
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL009"))).isEmpty();
        assertThat(registry.apply(late)).isFalse();
    }

    @Test
    void aSerialAlsoCommissionedByAnotherEventPassesToItWhenItsHolderIsRetracted() throws Exception {
        // the corrected event (same batch, right expiry) arrives before the declaration of the first
        SerialisationEvent first = commissioning("EV-EXPIRY-WRONG", CARDIOZOL, CZ24001, List.of("RTRSERIAL005", "RTRSERIAL006"));
        SerialisationEvent corrected = commissioning("EV-EXPIRY-RIGHT", CARDIOZOL, CZ24001, List.of("RTRSERIAL005"));
        registry.apply(first);
        registry.apply(corrected);
        assertThat(registry.find(CARDIOZOL, CZ24001).orElseThrow().commissionedSerials()).isEqualTo(2);

        assertThat(registry.apply(retraction(first))).isTrue();
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL005"))).as("held by the corrected event now").containsExactly(CZ24001);
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL006"))).as("only the retracted event had it").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM coordination_serial WHERE serial = 'RTRSERIAL005' AND source_event_id = 'EV-EXPIRY-RIGHT'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'RETRACT_SERIALS' AND details LIKE 'serialsRemoved=1 handedOver=1 %'"))
                .isEqualTo(1);

        // retracting the corrected one too leaves nothing
        assertThat(registry.apply(retraction(corrected))).isTrue();
        assertThat(registry.batchesHoldingSerial(CARDIOZOL, SerialNumber.of("RTRSERIAL005"))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM coordination_serial_claim")).isZero();
    }

    @Test
    void anEventListingASerialInSeveralChunksHoldsItOnceAndLeavesNoClaimOnItself() throws Exception {
        // without lifecycle checks a partner's event may list an EPC more than once; each chunk is applied on its own
        List<String> epcs = List.of("https://id.gs1.org/01/" + CARDIOZOL.value() + "/21/RTRSERIAL007");
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertThat(registry.apply(new SerialisationEvent("EV-REPEATS", SerialisationAction.COMMISSION, Instant.parse("2024-06-20T07:00:00Z"), ACME,
                    null, CARDIOZOL, CZ24001, null, null, epcs, new Chunk(chunk, 3)))).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM coordination_serial WHERE serial = 'RTRSERIAL007'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM coordination_serial_claim")).isZero();
    }

    /** What the EPCIS connector makes of an error declaration: the event's id and EPCs, action RETRACT, no batch (it commissions nothing). */
    static SerialisationEvent retraction(SerialisationEvent event) {
        return new SerialisationEvent(event.sourceEventId(), SerialisationAction.RETRACT, Instant.parse("2024-06-21T07:00:00Z"), event.partner(), null,
                event.product(), null, null, null, event.epcs(), event.chunk());
    }

    @Test
    void releaseCheckAgainstTheHub() throws Exception {
        ReleaseCheck gate = new ReleaseCheck(registry, hub, audit, clock, dataSource, settings.eventSource());
        // CZ24002: 4 serials uploaded for DE; ACME commissioned the same 4 and printed batch and expiry as uploaded.
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.PACKED, ACME, ACME_SITE, Expiry.parse("311231"), null, null, null, null,
                List.of(Market.of("DE")), Instant.parse("2024-06-11T08:00:00Z")));
        registry.apply(packagingRun("PR-CZ24002-1", CARDIOZOL, CZ24002, CZ24002, "311231", 4));
        registry.apply(commissioning("EV-CZ24002", CARDIOZOL, CZ24002, List.of("E4PMDJHWTGPC", "PSLNNETGGE3M", "D6XJZTCKL6L2", "49945LNQ3R6T")));
        ReleaseCheckResult pass = gate.check(CARDIOZOL, CZ24002, "admin:qp");
        assertThat(pass.failures()).isEmpty();
        assertThat(pass.outcome()).isEqualTo(ReleaseCheckResult.Outcome.PASS);
        assertThat(registry.find(CARDIOZOL, CZ24002).orElseThrow().hub().status()).isEqualTo(HubUploadStatus.UPLOADED);

        // One more commissioned serial than uploaded: FAIL, with the counts in the reason.
        registry.apply(commissioning("EV-CZ24002-late", CARDIOZOL, CZ24002, List.of("EXTRA0000001")));
        ReleaseCheckResult fail = gate.check(CARDIOZOL, CZ24002, "admin:qp");
        assertThat(fail.outcome()).isEqualTo(ReleaseCheckResult.Outcome.FAIL);
        assertThat(fail.failures()).anySatisfy(f -> assertThat(f).contains("holds 4 serials but 5 were commissioned"));
        assertThat(registry.find(CARDIOZOL, CZ24002).orElseThrow().hub().status()).isEqualTo(HubUploadStatus.INCOMPLETE);

        // Market not uploaded for the batch, and a batch the Hub does not hold.
        registry.apply(new Batch(CARDIOZOL, CZ24002, BatchStatus.PACKED, ACME, ACME_SITE, Expiry.parse("311231"), null, null, null, null,
                List.of(Market.of("DE"), Market.of("FR")), Instant.parse("2024-06-12T08:00:00Z")));
        assertThat(gate.check(CARDIOZOL, CZ24002, "admin:qp").failures()).anySatisfy(f -> assertThat(f).contains("does not include market FR"));
        registry.apply(packagingRun("PR-CZ24999-1", CARDIOZOL, BatchId.of("CZ24999"), BatchId.of("CZ24999"), "311231", 10));
        assertThat(gate.check(CARDIOZOL, BatchId.of("CZ24999"), "admin:qp").failures()).anySatisfy(f -> assertThat(f).contains("has not been uploaded"));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'RELEASE_CHECK'")).isEqualTo(4);

        // Every verdict goes to the sponsor's systems as a canonical release-check event.
        outbox.deliverDue();
        List<io.cmohub.model.ReleaseCheck> verdicts = published.stream().filter(e -> e.entityType() == EntityType.RELEASE_CHECK)
                .map(e -> (io.cmohub.model.ReleaseCheck) e.data()).toList();
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts).filteredOn(v -> v.outcome() == io.cmohub.model.ReleaseCheckOutcome.PASS).singleElement().satisfies(v -> {
            assertThat(v.partner()).isEqualTo(ACME);
            assertThat(v.failures()).isEmpty();
            assertThat(v.confirmations()).isNotEmpty();
        });
        assertThat(verdicts).filteredOn(v -> v.outcome() == io.cmohub.model.ReleaseCheckOutcome.FAIL).hasSize(3)
                .anySatisfy(v -> assertThat(v.failures()).anySatisfy(f -> assertThat(f).contains("holds 4 serials but 5 were commissioned")));
    }

    @Test
    void liaisonChangesAreAudited() throws Exception {
        seedAcmeLiaison();
        Liaison seeded = liaisons.find(ACME).orElseThrow();
        assertThat(seeded.calendar().holidays()).contains(SITE_HOLIDAY);
        assertThat(seeded.responseSla()).isEqualTo(Duration.ofHours(8));
        // The seed applied again is a no-op.
        assertThat(LiaisonSeed.apply(liaisons, List.of(seeded), "seed")).isZero();
        Liaison changed = new Liaison(ACME, new Contact("Nadia Benali", "nadia.benali@acme.example"), seeded.backup(), seeded.channels(),
                Duration.ofHours(4), seeded.path(), seeded.calendar());
        assertThatThrownBy(() -> liaisons.save(changed, "admin:ops", "new liaison", 7)).isInstanceOf(LiaisonRegister.StaleVersionException.class);
        assertThat(liaisons.save(changed, "admin:ops", "Claire on leave", 1)).isTrue();
        assertThat(liaisons.findVersioned(ACME).orElseThrow().version()).isEqualTo(2);
        assertThat(liaisons.remove(ACME, "admin:ops", "contract ended")).isTrue();
        assertThat(liaisons.find(ACME)).isEmpty();
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT action, actor, reason, details FROM audit_event WHERE object_type = 'liaison' ORDER BY seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                actions.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).startsWith("LIAISON_CREATE|seed|liaison seed|liaison=Claire Martin");
        assertThat(actions.get(1)).startsWith("LIAISON_UPDATE|admin:ops|Claire on leave|liaison Claire Martin->Nadia Benali").contains("sla 480->240min");
        assertThat(actions.get(2)).startsWith("LIAISON_REMOVE|admin:ops|contract ended");
        assertThat(String.join("", actions)).doesNotContain(ACME_SECRET);
    }

    @Test
    void liaisonSeedRefusesMistakes() {
        String misspelt = """
                liaisons:
                  - partner: acme-lyon
                    liaison: { name: Claire Martin }
                    backpu: { name: Paul Durand }
                    channels: [ { type: portal, address: acme-lyon } ]
                    responseSlaBusinessHours: 8
                    calendar: { timeZone: Europe/Paris, hours: "08:00-17:00" }
                """;
        assertThatThrownBy(() -> LiaisonSeed.read(new ByteArrayInputStream(misspelt.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("backpu");
        String noSecret = """
                liaisons:
                  - partner: acme-lyon
                    liaison: { name: Claire Martin }
                    channels: [ { type: webhook, address: "https://acme.example/alerts" } ]
                    responseSlaBusinessHours: 8
                    calendar: { timeZone: Europe/Paris, hours: "08:00-17:00" }
                """;
        assertThatThrownBy(() -> LiaisonSeed.read(new ByteArrayInputStream(noSecret.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("entry 1 (acme-lyon)").hasMessageContaining("secretRef");
    }

    @Test
    void aRefusingWebhookFailsTheMessageForAnOperator() throws Exception {
        seedAcmeLiaison();
        seedDermocortBatch("300331");
        webhooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(401)));
        cases.onAlert(alert("ALERT-A52-7", AlertCode.A52, "05012345100036", "Z8V96FJKFU32", "DC24100", "300331", "IE", FRIDAY_4PM_PARIS));
        outbox.deliverDue();
        List<OutboxMessage> failed = outbox.undelivered();
        assertThat(failed).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo("FAILED");
            assertThat(m.lastError()).contains("HTTP 401");
        });
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'DELIVERY_FAILED'")).isEqualTo(1);
        // A transient failure is retried later, not given up.
        webhooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(503)));
        assertThat(outbox.retry(failed.get(0).messageId(), "admin:ops", "secret rotated")).isTrue();
        assertThat(outbox.deliverDue()).isZero();
        assertThat(outbox.undelivered()).singleElement().extracting(OutboxMessage::state).isEqualTo("PENDING");
        webhooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(202)));
        assertThat(outbox.deliverDue()).isZero(); // back-off: not due yet
        clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(outbox.undelivered()).isEmpty();
    }
}
