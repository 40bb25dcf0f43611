package io.cmohub.coordination.cases;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.coordination.RowLock;
import io.cmohub.coordination.cases.EvidenceRequestStore.AnswerRow;
import io.cmohub.coordination.evidence.EvidenceTemplate;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.coordination.outbox.Outbox;
import io.cmohub.coordination.reconcile.Reconciler;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.sla.SlaClock;
import io.cmohub.coordination.sla.SlaClockHandler;
import io.cmohub.coordination.sla.SlaClockKind;
import io.cmohub.coordination.sla.SlaClocks;
import io.cmohub.model.Alert;
import io.cmohub.model.AlertCode;
import io.cmohub.model.Attribution;
import io.cmohub.model.AttributionOutcome;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.EvidenceRequestStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.ReconciliationVerdict;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoredDocument;
import io.cmohub.routes.store.StoredText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The alert coordination workflow of issue 7. On every canonical {@link Alert}: open a case (or add
 * the alert to the open case of the same code, product and batch), reconcile it against the EU Hub
 * and the CMO's packaging record, attribute it to a CMO, and ask that CMO for the evidence its
 * alert code calls for, due after the liaison's SLA on the liaison's business calendar. Then the
 * SLA clocks ({@link SlaClockHandler}), the CMO's answers ({@link #respond}) and the sponsor's
 * closure ({@link #close}).
 *
 * <p>Every change of a case happens in one database transaction that also writes the case's
 * timeline, the audit rows (hash chain) and the outbox messages: the notices to send, the
 * InvestigationCase and EvidenceRequest events to publish and the EAMS write-backs. Nothing leaves
 * the hub unless the change committed, and nothing committed is lost ({@link
 * io.cmohub.coordination.outbox.OutboxDelivery} sends it). Each case transaction first locks
 * the case row, so two nodes working on one case serialise.
 *
 * <p>Alerts are idempotent by alert id: a re-delivered alert changes nothing. The rows live in
 * {@link CaseStore} and {@link EvidenceRequestStore}, the words in {@link CaseNotices}, what is sent out in
 * {@link CaseEvents}; reads for the views go through {@link CaseViews}.
 */
public final class CaseCoordinator implements SlaClockHandler {
    public static final String AUDIT_CASE = "case";
    public static final String AUDIT_REQUEST = "evidence-request";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final LiaisonRegister liaisons;
    private final EvidenceTemplates templates;
    private final Reconciler reconciler;
    private final Attributor attributor;
    private final DocumentStore documents;
    private final CoordinationSettings settings;
    private final CaseViews views;
    private final CaseEvents events;
    private final EvidenceClocks clocks;

    public CaseCoordinator(DataSource dataSource, AuditTrail audit, Clock clock, BatchRegistry registry, LiaisonRegister liaisons,
                           EvidenceTemplates templates, Reconciler reconciler, DocumentStore documents, CoordinationSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.liaisons = Objects.requireNonNull(liaisons, "liaisons");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        this.attributor = new Attributor(Objects.requireNonNull(registry, "registry"));
        this.documents = Objects.requireNonNull(documents, "documents");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.views = new CaseViews(dataSource);
        this.events = new CaseEvents(settings.eventSource());
        this.clocks = new EvidenceClocks(audit, liaisons, settings, events);
    }

    /** The read side over the same database: what the REST views and the portal show. */
    public CaseViews views() {
        return views;
    }

    // ------------------------------------------------------------------ alerts

    /** Handles one canonical alert (idempotent by alert id). */
    public AlertOutcome onAlert(Alert alert) {
        Optional<String> known = views.caseOfAlert(alert.alertId());
        if (known.isPresent()) {
            return new AlertOutcome(AlertOutcome.Change.DUPLICATE, views.find(known.get()).orElseThrow(), Optional.empty(),
                    views.reconciliation(known.get()));
        }
        String groupKey = groupKey(alert);
        Optional<String> open = views.openCaseOfGroup(groupKey);
        if (open.isPresent()) {
            return join(open.get(), alert);
        }
        // The Hub is asked before the transaction: no database lock is held across a network call.
        Reconciliation reconciliation = reconciler.reconcile(alert);
        Attribution attribution = attributor.attribute(alert, Optional.of(reconciliation));
        return open(alert, groupKey, reconciliation, attribution);
    }

    private AlertOutcome open(Alert alert, String groupKey, Reconciliation reconciliation, Attribution attribution) {
        Instant now = now();
        String caseId = "CASE-" + CaseEvents.id();
        EvidenceTemplate template = templates.forCode(alert.code());
        Optional<Liaison> liaison = attribution.outcome() == AttributionOutcome.ATTRIBUTED ? liaisons.find(attribution.partner()) : Optional.empty();
        ProductCode product = alert.scanned() == null ? null : parse(alert.scanned().productCode(), ProductCode::parse);
        BatchId batch = alert.scanned() == null ? null : parse(alert.scanned().batchId(), BatchId::of);
        EvidenceRequest[] issued = {null};
        String[] openedMeanwhile = {null};
        JdbcTransaction.run(dataSource, "could not open a case for alert " + alert.alertId(), c -> {
            // One case per group, across consumers and nodes: the group's lock, then a second look under it.
            RowLock.lock(c, "case-group\u0000" + groupKey);
            Optional<String> other = CaseStore.openCaseOfGroup(c, groupKey);
            if (other.isPresent()) {
                openedMeanwhile[0] = other.get();
                return;
            }
            CaseStatus status = liaison.isPresent() ? CaseStatus.AWAITING_CMO : CaseStatus.OPEN;
            CaseStore.insert(c, new CaseStore.NewCase(caseId, groupKey, alert, status, product, batch, attribution, reconciliation,
                    CaseNotices.summary(alert, reconciliation)), now);
            CaseStore.addAlert(c, caseId, alert);
            CaseTimeline.append(c, caseId, now, Party.SYSTEM, "system", "CASE_OPENED", "alert " + alert.alertId() + " (" + alert.code() + ", "
                    + alert.source() + (alert.market() == null ? "" : ", " + alert.market()) + ") opened the case: " + template.title());
            audit.record(c, AuditEvent.success("system", "CASE_OPEN").on(AUDIT_CASE, caseId).because("alert " + alert.alertId() + " " + alert.code())
                    .details("group=" + groupKey));
            CaseTimeline.append(c, caseId, now, Party.SYSTEM, "system", "ATTRIBUTED", attribution.outcome() + ": " + attribution.reason());
            audit.record(c, AuditEvent.success("system", "ATTRIBUTE").on(AUDIT_CASE, caseId).because(attribution.reason())
                    .details("outcome=" + attribution.outcome() + (attribution.partner() == null ? "" : " partner=" + attribution.partner())));
            recordReconciliation(c, caseId, reconciliation, now);
            for (Party party : List.of(Party.MAH, Party.CMO, Party.SHARED)) {
                for (String action : template.actionsOf(party)) {
                    CaseTimeline.append(c, caseId, now, party, "system", "ACTION", action);
                }
            }
            if (liaison.isPresent()) {
                issued[0] = issueRequest(c, caseId, alert.code(), template, liaison.get(), now);
            } else if (attribution.outcome() == AttributionOutcome.ATTRIBUTED) {
                CaseTimeline.append(c, caseId, now, Party.MAH, "system", "NO_LIAISON", "no liaison is registered for " + attribution.partner()
                        + ": no evidence request was sent; contact the CMO and register its liaison");
                audit.record(c, AuditEvent.failure("system", "EVIDENCE_REQUEST").on(AUDIT_CASE, caseId)
                        .because("no liaison registered for " + attribution.partner()));
            } else {
                CaseTimeline.append(c, caseId, now, Party.MAH, "system", "NO_CMO", "the alert is not traced to a CMO: the MAH investigates without CMO evidence");
            }
            events.eams(c, caseId, alert.alertId(), EamsStatus.UNDER_INVESTIGATION, InvestigationStatus.INVESTIGATION_PENDING, null, now);
            events.publishCase(c, caseId, now);
        });
        if (openedMeanwhile[0] != null) {
            // another consumer opened the group's case between our look and the lock: join it
            return join(openedMeanwhile[0], alert);
        }
        return new AlertOutcome(AlertOutcome.Change.OPENED, views.find(caseId).orElseThrow(), Optional.ofNullable(issued[0]), Optional.of(reconciliation));
    }

    private AlertOutcome join(String caseId, Alert alert) {
        Instant now = now();
        boolean[] closedMeanwhile = {false};
        JdbcTransaction.run(dataSource, "could not add alert " + alert.alertId() + " to case " + caseId, c -> {
            if (CaseStore.lock(c, caseId) == CaseStatus.CLOSED) {
                // closed between the lookup and the lock: the alert needs a case of its own, not a closed one
                closedMeanwhile[0] = true;
                return;
            }
            CaseStore.addAlert(c, caseId, alert);
            CaseStore.touch(c, caseId, now);
            CaseTimeline.append(c, caseId, now, Party.SYSTEM, "system", "ALERT_JOINED", "alert " + alert.alertId() + " (" + alert.code()
                    + (alert.market() == null ? "" : ", " + alert.market()) + ") concerns the same batch and joins the case");
            audit.record(c, AuditEvent.success("system", "CASE_ALERT_ADDED").on(AUDIT_CASE, caseId).because("alert " + alert.alertId()));
            events.eams(c, caseId, alert.alertId(), EamsStatus.UNDER_INVESTIGATION, InvestigationStatus.INVESTIGATION_PENDING, null, now);
            events.publishCase(c, caseId, now);
        });
        if (closedMeanwhile[0]) {
            Reconciliation reconciliation = reconciler.reconcile(alert);
            return open(alert, groupKey(alert), reconciliation, attributor.attribute(alert, Optional.of(reconciliation)));
        }
        return new AlertOutcome(AlertOutcome.Change.JOINED, views.find(caseId).orElseThrow(), Optional.empty(), views.reconciliation(caseId));
    }

    /** Runs the reconciliation again (e.g. after the Hub was unavailable, or after a corrected upload) and records the new verdict. */
    public Reconciliation reconcile(String caseId) {
        Alert alert = views.firstAlert(caseId);
        Reconciliation reconciliation = reconciler.reconcile(alert);
        Instant now = now();
        JdbcTransaction.run(dataSource, "could not record the reconciliation of case " + caseId, c -> {
            CaseStore.lock(c, caseId);
            CaseStore.recordVerdict(c, caseId, reconciliation, CaseNotices.summary(alert, reconciliation), now);
            recordReconciliation(c, caseId, reconciliation, now);
            events.publishCase(c, caseId, now);
        });
        return reconciliation;
    }

    private void recordReconciliation(Connection c, String caseId, Reconciliation reconciliation, Instant now) throws SQLException {
        CaseTimeline.append(c, caseId, now, Party.SYSTEM, "system", "RECONCILED", reconciliation.verdict() + ": " + reconciliation.reason() + " ["
                + reconciliation.findings().stream().map(f -> f.code()).collect(Collectors.joining(", ")) + "]");
        audit.record(c, AuditEvent.success("system", "RECONCILE").on(AUDIT_CASE, caseId).because(reconciliation.reason())
                .details("verdict=" + reconciliation.verdict() + " findings=" + reconciliation.findings().stream().map(f -> f.code()
                        + f.facts()).collect(Collectors.joining(";"))));
    }

    private EvidenceRequest issueRequest(Connection c, String caseId, AlertCode code, EvidenceTemplate template, Liaison liaison, Instant now)
            throws SQLException {
        String requestId = "EVR-" + CaseEvents.id();
        Instant due = liaison.calendar().plus(now, liaison.responseSla()).truncatedTo(ChronoUnit.MICROS);
        Duration reminderAfter = Duration.ofSeconds(Math.max(60, (long) (liaison.responseSla().toSeconds() * settings.reminderFraction())));
        Instant reminder = liaison.calendar().plus(now, reminderAfter).truncatedTo(ChronoUnit.MICROS);
        Channel channel = liaison.primaryChannel();
        EvidenceRequestStore.insert(c, new RequestRow(requestId, caseId, liaison.partner(), code, template.items(), now, due, channel.label(),
                EvidenceRequestStatus.DISPATCHED, null), now);
        // published first, so the notice to the CMO carries the same revision as the event
        EvidenceRequest request = events.publishRequest(c, requestId, now);
        SlaClocks.schedule(c, new SlaClock(requestId + "-REMINDER", requestId, SlaClockKind.REMINDER, reminder));
        SlaClocks.schedule(c, new SlaClock(requestId + "-ESCALATION", requestId, SlaClockKind.ESCALATION, due));
        String dueText = CaseNotices.local(due, liaison.calendar().zone());
        Outbox.notice(c, CaseNotices.request(template, request, liaison.liaison().name(), dueText), channel, now);
        List<String> items = template.items().stream().map(EvidenceItem::code).toList();
        CaseTimeline.append(c, caseId, now, Party.MAH, "system", "EVIDENCE_REQUESTED", "asked " + liaison.liaison().name() + " (" + liaison.partner()
                + ") by " + channel.label() + " for " + String.join(", ", items) + "; due " + dueText + " (" + liaison.responseSla().toMinutes() / 60.0
                + " business hours); reminder " + CaseNotices.local(reminder, liaison.calendar().zone()));
        audit.record(c, AuditEvent.success("system", "EVIDENCE_REQUEST").on(AUDIT_REQUEST, requestId).because("case " + caseId + " " + code)
                .details("partner=" + liaison.partner() + " channel=" + channel.label() + " due=" + due + " items=" + String.join(",", items)));
        return request;
    }

    // ------------------------------------------------------------------ SLA clocks

    @Override
    public void lockOwner(Connection c, SlaClock slaClock) throws SQLException {
        clocks.lockOwner(c, slaClock);
    }

    @Override
    public void fire(Connection c, SlaClock slaClock, Instant now) throws SQLException {
        clocks.fire(c, slaClock, now);
    }

    // ------------------------------------------------------------------ CMO responses

    /**
     * Records a CMO's answers to an evidence request. Files go to the document store first (their
     * id, SHA-256 and size are what the record keeps). When every required item has an answer the
     * request is ANSWERED, its clocks stop and the case moves to UNDER_REVIEW.
     *
     * @throws NotYourRequestException when {@code responder} is not the CMO the request went to
     * @throws IllegalArgumentException for an item the request did not ask for, or a closed request
     */
    public EvidenceRequest respond(String requestId, PartnerId responder, List<EvidenceAnswer> answers, String actor) {
        RequestRow request = views.requestRow(requestId).orElseThrow(() -> new IllegalArgumentException("no evidence request " + requestId));
        if (!request.partner().equals(responder)) {
            audit.record(AuditEvent.denied("partner:" + responder, "EVIDENCE_ANSWER").on(AUDIT_REQUEST, requestId)
                    .because("request is addressed to " + request.partner()));
            throw new NotYourRequestException("evidence request " + requestId + " is not addressed to " + responder);
        }
        if (request.status() == EvidenceRequestStatus.CLOSED) {
            throw new IllegalArgumentException("evidence request " + requestId + " is closed");
        }
        Set<String> asked = request.items().stream().map(EvidenceItem::code).collect(Collectors.toSet());
        for (EvidenceAnswer answer : answers) {
            if (!asked.contains(answer.itemCode())) {
                throw new IllegalArgumentException("evidence request " + requestId + " did not ask for '" + answer.itemCode() + "'; it asked for " + asked);
            }
        }
        List<AnswerRow> rows = new ArrayList<>();
        for (EvidenceAnswer answer : answers) {
            if (answer.files().isEmpty()) {
                rows.add(new AnswerRow(answer.itemCode(), answer.text(), null, null, null, null));
            }
            for (EvidenceFile file : answer.files()) {
                StoredDocument stored = store(file);
                rows.add(new AnswerRow(answer.itemCode(), answer.text(), stored.documentId(), StoredText.identifier(file.fileName(), 255),
                        stored.sha256(), stored.sizeBytes()));
            }
        }
        Instant now = now();
        String who = actor == null ? "partner:" + responder : actor;
        JdbcTransaction.run(dataSource, "could not record the answers to " + requestId, c -> {
            CaseStore.lock(c, request.caseId());
            // decided again under the case lock: a concurrent answer or a close may have changed the request since it was read
            RequestRow current = EvidenceRequestStore.existing(c, requestId);
            if (current.status() == EvidenceRequestStatus.CLOSED) {
                throw new IllegalArgumentException("evidence request " + requestId + " is closed");
            }
            EvidenceRequestStore.insertAnswers(c, requestId, rows, who, now);
            for (AnswerRow row : rows) {
                String what = row.isFile() ? "file " + row.fileName() + " (" + row.sizeBytes() + " bytes, sha256 " + row.sha256() + ")" : "answer";
                CaseTimeline.append(c, request.caseId(), now, Party.CMO, who, "EVIDENCE_RECEIVED", row.itemCode() + ": " + what);
                audit.record(c, AuditEvent.success(who, "EVIDENCE_ANSWER").on(AUDIT_REQUEST, requestId).because("item " + row.itemCode())
                        .details(row.isFile() ? "document=" + row.documentId() + " sha256=" + row.sha256() + " size=" + row.sizeBytes() : null));
            }
            Set<String> answered = EvidenceRequestStore.answeredItems(c, requestId);
            List<String> missing = request.items().stream().filter(EvidenceItem::required).map(EvidenceItem::code).filter(i -> !answered.contains(i)).toList();
            if (missing.isEmpty() && current.status() != EvidenceRequestStatus.ANSWERED) {
                EvidenceRequestStore.updateStatus(c, requestId, EvidenceRequestStatus.ANSWERED, now, now);
                int cancelled = SlaClocks.cancel(c, requestId);
                boolean late = now.isAfter(request.dueAt());
                CaseStore.setStatus(c, request.caseId(), CaseStatus.UNDER_REVIEW, now);
                CaseTimeline.append(c, request.caseId(), now, Party.CMO, who, "EVIDENCE_COMPLETE", "every required item answered" + (late
                        ? " after the due time " + request.dueAt() : " before the due time") + "; " + cancelled + " SLA clock(s) stopped");
                audit.record(c, AuditEvent.success(who, "EVIDENCE_COMPLETE").on(AUDIT_REQUEST, requestId).because(late ? "late" : "on time")
                        .details("turnaround=" + Duration.between(request.requestedAt(), now)));
                events.publishRequest(c, requestId, now);
                events.publishCase(c, request.caseId(), now);
            } else {
                CaseStore.touch(c, request.caseId(), now);
                if (!missing.isEmpty()) {
                    CaseTimeline.append(c, request.caseId(), now, Party.SYSTEM, "system", "EVIDENCE_OUTSTANDING", "still missing: " + String.join(", ", missing));
                }
            }
        });
        return views.request(requestId).orElseThrow();
    }

    // ------------------------------------------------------------------ closure

    /**
     * Closes a case with the sponsor's root cause (idempotent: closing a closed case changes
     * nothing). Open evidence requests are closed and their clocks stopped; every alert of the case
     * gets an EAMS write-back: CLOSED with the root cause, and the MAH investigation status the
     * verdict implies (root cause on the MAH/OBP side for CMO print and upload errors, none for an
     * end-user scan error).
     */
    public InvestigationCase close(String caseId, String actor, CaseClosure closure) {
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        JdbcTransaction.run(dataSource, "could not close case " + caseId, c -> {
            if (CaseStore.lock(c, caseId) == CaseStatus.CLOSED) {
                return;
            }
            ReconciliationVerdict verdict = closure.verdict() != null ? closure.verdict() : CaseStore.verdict(c, caseId);
            String summary = CaseStore.summary(c, caseId).orElse(null);
            CaseStore.markClosed(c, caseId, verdict, CaseJson.limit((summary == null ? "" : summary + " ") + "Closed: " + closure.rootCause(), 4000), now);
            List<String> open = EvidenceRequestStore.unsettledOfCase(c, caseId);
            for (String requestId : open) {
                EvidenceRequestStore.updateStatus(c, requestId, EvidenceRequestStatus.CLOSED, null, now);
                SlaClocks.cancel(c, requestId);
                events.publishRequest(c, requestId, now);
                CaseTimeline.append(c, caseId, now, Party.MAH, actor, "REQUEST_CLOSED", requestId + " closed without complete CMO evidence");
            }
            String signed = closure.signature() == null ? "" : "; signed: " + closure.signature();
            CaseTimeline.append(c, caseId, now, Party.MAH, actor, "CASE_CLOSED", CaseJson.limit("root cause: " + closure.rootCause()
                    + (verdict == null ? "" : " (verdict " + verdict + ")") + signed, 4000));
            audit.record(c, AuditEvent.success(actor, "CASE_CLOSE").on(AUDIT_CASE, caseId).because(closure.rootCause())
                    .details("verdict=" + verdict + " openRequestsClosed=" + open.size() + signed));
            InvestigationStatus mah = verdict == ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR || verdict == ReconciliationVerdict.LIKELY_UPLOAD_ERROR
                    ? InvestigationStatus.ROOT_CAUSE_ON_MY_SIDE
                    : verdict == ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR ? InvestigationStatus.NO_ROOT_CAUSE_ON_MY_SIDE : null;
            for (String alertId : CaseStore.alertIds(c, caseId)) {
                events.eams(c, caseId, alertId, EamsStatus.CLOSED, mah, closure.rootCause(), now);
            }
            events.publishCase(c, caseId, now);
        });
        return views.find(caseId).orElseThrow();
    }

    // ------------------------------------------------------------------ internals

    private StoredDocument store(EvidenceFile file) {
        try (InputStream in = file.content()) {
            return documents.store(in, settings.maxEvidenceFileBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store evidence file " + file.fileName(), e);
        }
    }

    /**
     * Alerts of one code on one product batch share a case. Without a product and a batch there is
     * nothing to share by: such an alert gets a group of its own, rather than every such alert
     * joining the first one's case (and its CMO's evidence request).
     */
    private static String groupKey(Alert alert) {
        String product = alert.scanned() == null ? null : normalised(alert.scanned().productCode());
        String batch = alert.scanned() == null ? null : normalised(alert.scanned().batchId());
        String code = alert.code().value().strip().toUpperCase(Locale.ROOT);
        if (product == null || batch == null) {
            return CaseJson.limit(code + "|alert|" + alert.alertId(), 200);
        }
        return CaseJson.limit(code + "|" + product + "|" + batch, 200);
    }

    private static String normalised(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** A scanned value as the model type, or null when absent or invalid (the case then names no product or batch). */
    private static <T> T parse(String raw, Function<String, T> parse) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
