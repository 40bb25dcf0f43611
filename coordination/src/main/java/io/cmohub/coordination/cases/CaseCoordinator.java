package io.cmohub.coordination.cases;

import io.cmohub.coordination.RowLock;
import static io.cmohub.coordination.SqlValues.bindAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.coordination.SqlValues;
import io.cmohub.coordination.evidence.EvidenceTemplate;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.Notice;
import io.cmohub.coordination.evidence.NoticeKind;
import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
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
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import io.cmohub.routes.store.StoredDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
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
 * <p>Alerts are idempotent by alert id: a re-delivered alert changes nothing.
 */
public final class CaseCoordinator implements SlaClockHandler {
    public static final String AUDIT_CASE = "case";
    public static final String AUDIT_REQUEST = "evidence-request";
    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final TypeReference<List<EvidenceItem>> ITEMS = new TypeReference<>() {
    };
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final BatchRegistry registry;
    private final LiaisonRegister liaisons;
    private final EvidenceTemplates templates;
    private final Reconciler reconciler;
    private final Attributor attributor;
    private final DocumentStore documents;
    private final CoordinationSettings settings;

    public CaseCoordinator(DataSource dataSource, AuditTrail audit, Clock clock, BatchRegistry registry, LiaisonRegister liaisons,
                           EvidenceTemplates templates, Reconciler reconciler, DocumentStore documents, CoordinationSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.liaisons = Objects.requireNonNull(liaisons, "liaisons");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        this.attributor = new Attributor(registry);
        this.documents = Objects.requireNonNull(documents, "documents");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ------------------------------------------------------------------ alerts

    /** Handles one canonical alert (idempotent by alert id). */
    public AlertOutcome onAlert(Alert alert) {
        Optional<String> known = caseOfAlert(alert.alertId());
        if (known.isPresent()) {
            return new AlertOutcome(AlertOutcome.Change.DUPLICATE, find(known.get()).orElseThrow(), Optional.empty(), reconciliation(known.get()));
        }
        String groupKey = groupKey(alert);
        Optional<String> open = openCaseOfGroup(groupKey);
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
        String caseId = "CASE-" + id();
        EvidenceTemplate template = templates.forCode(alert.code());
        Optional<Liaison> liaison = attribution.outcome() == AttributionOutcome.ATTRIBUTED ? liaisons.find(attribution.partner()) : Optional.empty();
        ProductCode product = alert.scanned() == null ? null : parse(alert.scanned().productCode(), ProductCode::parse);
        BatchId batch = alert.scanned() == null ? null : parse(alert.scanned().batchId(), BatchId::of);
        EvidenceRequest[] issued = {null};
        String[] openedMeanwhile = {null};
        JdbcTransaction.run(dataSource, "could not open a case for alert " + alert.alertId(), c -> {
            // One case per group, across consumers and nodes: the group's lock, then a second look under it.
            RowLock.lock(c, "case-group\u0000" + groupKey);
            Optional<String> other = openCaseOfGroup(c, groupKey);
            if (other.isPresent()) {
                openedMeanwhile[0] = other.get();
                return;
            }
            CaseStatus status = liaison.isPresent() ? CaseStatus.AWAITING_CMO : CaseStatus.OPEN;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_case (case_id, group_key, alert_code, status, product_code, batch_id, "
                    + "market, attribution_outcome, attribution_reason, partner_id, site_id, line_id, run_id, verdict, verdict_json, summary, opened_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindAll(s, caseId, groupKey, alert.code().value(), status.name(), product, batch, alert.market(), attribution.outcome().name(),
                        attribution.reason(), attribution.partner(), attribution.site(), attribution.line(), attribution.packagingRunId(),
                        reconciliation.verdict().name(), json(reconciliation), summary(alert, reconciliation), now, now);
                s.executeUpdate();
            }
            addAlert(c, caseId, alert);
            timeline(c, caseId, now, Party.SYSTEM, "system", "CASE_OPENED", "alert " + alert.alertId() + " (" + alert.code() + ", " + alert.source()
                    + (alert.market() == null ? "" : ", " + alert.market()) + ") opened the case: " + template.title());
            audit.record(c, "system", "CASE_OPEN", AUDIT_CASE, caseId, "SUCCESS", "alert " + alert.alertId() + " " + alert.code(), "group=" + groupKey);
            timeline(c, caseId, now, Party.SYSTEM, "system", "ATTRIBUTED", attribution.outcome() + ": " + attribution.reason());
            audit.record(c, "system", "ATTRIBUTE", AUDIT_CASE, caseId, "SUCCESS", attribution.reason(), "outcome=" + attribution.outcome()
                    + (attribution.partner() == null ? "" : " partner=" + attribution.partner()));
            recordReconciliation(c, caseId, reconciliation, now);
            for (Party party : List.of(Party.MAH, Party.CMO, Party.SHARED)) {
                for (String action : template.actionsOf(party)) {
                    timeline(c, caseId, now, party, "system", "ACTION", action);
                }
            }
            if (liaison.isPresent()) {
                issued[0] = issueRequest(c, caseId, alert.code(), template, liaison.get(), now);
            } else if (attribution.outcome() == AttributionOutcome.ATTRIBUTED) {
                timeline(c, caseId, now, Party.MAH, "system", "NO_LIAISON", "no liaison is registered for " + attribution.partner()
                        + ": no evidence request was sent; contact the CMO and register its liaison");
                audit.record(c, "system", "EVIDENCE_REQUEST", AUDIT_CASE, caseId, "FAILURE", "no liaison registered for " + attribution.partner(), null);
            } else {
                timeline(c, caseId, now, Party.MAH, "system", "NO_CMO", "the alert is not traced to a CMO: the MAH investigates without CMO evidence");
            }
            eams(c, caseId, alert.alertId(), EamsStatus.UNDER_INVESTIGATION, InvestigationStatus.INVESTIGATION_PENDING, null, now);
            publishCase(c, caseId, now);
        });
        if (openedMeanwhile[0] != null) {
            // another consumer opened the group's case between our look and the lock: join it
            return join(openedMeanwhile[0], alert);
        }
        return new AlertOutcome(AlertOutcome.Change.OPENED, find(caseId).orElseThrow(), Optional.ofNullable(issued[0]), Optional.of(reconciliation));
    }

    private AlertOutcome join(String caseId, Alert alert) {
        Instant now = now();
        boolean[] closedMeanwhile = {false};
        JdbcTransaction.run(dataSource, "could not add alert " + alert.alertId() + " to case " + caseId, c -> {
            if (lockCase(c, caseId) == CaseStatus.CLOSED) {
                // closed between the lookup and the lock: the alert needs a case of its own, not a closed one
                closedMeanwhile[0] = true;
                return;
            }
            addAlert(c, caseId, alert);
            touch(c, caseId, now);
            timeline(c, caseId, now, Party.SYSTEM, "system", "ALERT_JOINED", "alert " + alert.alertId() + " (" + alert.code()
                    + (alert.market() == null ? "" : ", " + alert.market()) + ") concerns the same batch and joins the case");
            audit.record(c, "system", "CASE_ALERT_ADDED", AUDIT_CASE, caseId, "SUCCESS", "alert " + alert.alertId(), null);
            eams(c, caseId, alert.alertId(), EamsStatus.UNDER_INVESTIGATION, InvestigationStatus.INVESTIGATION_PENDING, null, now);
            publishCase(c, caseId, now);
        });
        if (closedMeanwhile[0]) {
            Reconciliation reconciliation = reconciler.reconcile(alert);
            return open(alert, groupKey(alert), reconciliation, attributor.attribute(alert, Optional.of(reconciliation)));
        }
        return new AlertOutcome(AlertOutcome.Change.JOINED, find(caseId).orElseThrow(), Optional.empty(), reconciliation(caseId));
    }

    /** Runs the reconciliation again (e.g. after the Hub was unavailable, or after a corrected upload) and records the new verdict. */
    public Reconciliation reconcile(String caseId) {
        Alert alert = firstAlert(caseId);
        Reconciliation reconciliation = reconciler.reconcile(alert);
        Instant now = now();
        JdbcTransaction.run(dataSource, "could not record the reconciliation of case " + caseId, c -> {
            lockCase(c, caseId);
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET verdict = ?, verdict_json = ?, summary = ?, updated_at = ? WHERE case_id = ?")) {
                bindAll(s, reconciliation.verdict().name(), json(reconciliation), summary(alert, reconciliation), now, caseId);
                s.executeUpdate();
            }
            recordReconciliation(c, caseId, reconciliation, now);
            publishCase(c, caseId, now);
        });
        return reconciliation;
    }

    private void recordReconciliation(Connection c, String caseId, Reconciliation reconciliation, Instant now) throws SQLException {
        timeline(c, caseId, now, Party.SYSTEM, "system", "RECONCILED", reconciliation.verdict() + ": " + reconciliation.reason() + " ["
                + reconciliation.findings().stream().map(f -> f.code()).collect(Collectors.joining(", ")) + "]");
        audit.record(c, "system", "RECONCILE", AUDIT_CASE, caseId, "SUCCESS", reconciliation.reason(), "verdict=" + reconciliation.verdict()
                + " findings=" + reconciliation.findings().stream().map(f -> f.code() + f.facts()).collect(Collectors.joining(";")));
    }

    private EvidenceRequest issueRequest(Connection c, String caseId, AlertCode code, EvidenceTemplate template, Liaison liaison, Instant now)
            throws SQLException {
        String requestId = "EVR-" + id();
        Instant due = liaison.calendar().plus(now, liaison.responseSla()).truncatedTo(ChronoUnit.MICROS);
        Duration reminderAfter = Duration.ofSeconds(Math.max(60, (long) (liaison.responseSla().toSeconds() * settings.reminderFraction())));
        Instant reminder = liaison.calendar().plus(now, reminderAfter).truncatedTo(ChronoUnit.MICROS);
        Channel channel = liaison.primaryChannel();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_evidence_request (request_id, case_id, partner_id, alert_code, items_json, "
                + "requested_at, due_at, channel, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, requestId, caseId, liaison.partner(), code.value(), json(template.items()), now, due, channel.label(),
                    EvidenceRequestStatus.DISPATCHED.name(), now);
            s.executeUpdate();
        }
        // published first, so the notice to the CMO carries the same revision as the event
        EvidenceRequest request = publishRequest(c, requestId, now);
        SlaClocks.schedule(c, new SlaClock(requestId + "-REMINDER", requestId, SlaClockKind.REMINDER, reminder));
        SlaClocks.schedule(c, new SlaClock(requestId + "-ESCALATION", requestId, SlaClockKind.ESCALATION, due));
        String dueText = LOCAL.format(due.atZone(liaison.calendar().zone()));
        Notice notice = new Notice(requestId + "-request", NoticeKind.EVIDENCE_REQUEST, caseId, liaison.liaison().name(),
                "[cmo-hub] " + code + " evidence request " + requestId + ", due " + dueText,
                requestText(template, request, dueText), request, template.actionsOf(Party.CMO));
        Outbox.notice(c, notice, channel, now);
        timeline(c, caseId, now, Party.MAH, "system", "EVIDENCE_REQUESTED", "asked " + liaison.liaison().name() + " (" + liaison.partner() + ") by "
                + channel.label() + " for " + template.items().stream().map(EvidenceItem::code).collect(Collectors.joining(", ")) + "; due " + dueText
                + " (" + liaison.responseSla().toMinutes() / 60.0 + " business hours); reminder " + LOCAL.format(reminder.atZone(liaison.calendar().zone())));
        audit.record(c, "system", "EVIDENCE_REQUEST", AUDIT_REQUEST, requestId, "SUCCESS", "case " + caseId + " " + code,
                "partner=" + liaison.partner() + " channel=" + channel.label() + " due=" + due + " items="
                        + template.items().stream().map(EvidenceItem::code).collect(Collectors.joining(",")));
        return request;
    }

    // ------------------------------------------------------------------ SLA clocks

    @Override
    public void lockOwner(Connection c, SlaClock slaClock) throws SQLException {
        // case first, then the clock (the sweeper's claim): the order respond() and close() use
        Optional<RequestRow> request = requestRow(c, slaClock.requestId());
        if (request.isPresent()) {
            lockCase(c, request.get().caseId());
        }
    }

    @Override
    public void fire(Connection c, SlaClock slaClock, Instant now) throws SQLException {
        RequestRow request = requestRow(c, slaClock.requestId()).orElseThrow(() -> new SQLException("no evidence request " + slaClock.requestId()));
        lockCase(c, request.caseId());
        if (request.status() == EvidenceRequestStatus.ANSWERED || request.status() == EvidenceRequestStatus.CLOSED) {
            // The request was settled after the clock was read: nothing to remind or escalate.
            audit.record(c, "system:" + settings.node(), "SLA_" + slaClock.kind(), AUDIT_REQUEST, request.requestId(), "SUCCESS",
                    "request already " + request.status() + "; nothing to do", null);
            return;
        }
        Liaison liaison = liaisons.find(request.partner()).orElse(null);
        String dueText = liaison == null ? request.dueAt().toString() : LOCAL.format(request.dueAt().atZone(liaison.calendar().zone()));
        EvidenceRequest canonical = canonicalRequest(request);
        if (slaClock.kind() == SlaClockKind.REMINDER) {
            if (liaison != null) {
                Outbox.notice(c, new Notice(slaClock.clockId(), NoticeKind.REMINDER, request.caseId(), liaison.liaison().name(),
                        "[cmo-hub] Reminder: evidence request " + request.requestId() + " is due " + dueText,
                        "Reminder: the evidence for case " + request.caseId() + " (" + request.alertCode() + ") is due " + dueText + ".\n", canonical,
                        List.of()), liaison.primaryChannel(), now);
            }
            timeline(c, request.caseId(), now, Party.SYSTEM, "system:" + settings.node(), "REMINDER_SENT", "reminded "
                    + (liaison == null ? request.partner() + " (no liaison registered any more)" : liaison.liaison().name()) + "; due " + dueText);
            audit.record(c, "system:" + settings.node(), "SLA_REMINDER", AUDIT_REQUEST, request.requestId(), "SUCCESS", "reminder before " + request.dueAt(), null);
            return;
        }
        updateRequestStatus(c, request.requestId(), EvidenceRequestStatus.ESCALATED, null, now);
        setCaseStatus(c, request.caseId(), CaseStatus.ESCALATED, now);
        String text = "Escalation: the evidence for case " + request.caseId() + " (" + request.alertCode() + ", " + request.partner() + ") was due "
                + dueText + " and has not been provided in full.\n";
        List<String> told = new ArrayList<>();
        if (liaison != null && liaison.backup() != null) {
            Channel toBackup = liaison.backup().email() != null ? new Channel(ChannelType.EMAIL, liaison.backup().email(), null) : liaison.primaryChannel();
            Outbox.notice(c, new Notice(slaClock.clockId() + "-backup", NoticeKind.ESCALATION, request.caseId(), liaison.backup().name(),
                    "[cmo-hub] Overdue evidence request " + request.requestId() + " (" + request.partner() + ")", text, canonical, List.of()), toBackup, now);
            told.add("backup liaison " + liaison.backup().name());
        }
        Outbox.notice(c, new Notice(slaClock.clockId() + "-sponsor-qa", NoticeKind.ESCALATION, request.caseId(), settings.sponsorQa().name(),
                "[cmo-hub] Overdue evidence request " + request.requestId() + " (" + request.partner() + ")", text, canonical, List.of()),
                settings.sponsorQaChannel(), now);
        told.add("sponsor QA " + settings.sponsorQa().name());
        timeline(c, request.caseId(), now, Party.SHARED, "system:" + settings.node(), "ESCALATED", "evidence overdue since " + dueText + "; told "
                + String.join(" and ", told));
        audit.record(c, "system:" + settings.node(), "SLA_ESCALATION", AUDIT_REQUEST, request.requestId(), "SUCCESS", "overdue since " + request.dueAt(),
                "notified=" + String.join(",", told));
        publishRequest(c, request.requestId(), now);
        publishCase(c, request.caseId(), now);
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
        RequestRow request = findRequestRow(requestId).orElseThrow(() -> new IllegalArgumentException("no evidence request " + requestId));
        if (!request.partner().equals(responder)) {
            audit.record("partner:" + responder, "EVIDENCE_ANSWER", AUDIT_REQUEST, requestId, "DENIED", "request is addressed to " + request.partner(), null);
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
        List<Object[]> rows = new ArrayList<>();
        for (EvidenceAnswer answer : answers) {
            if (answer.files().isEmpty()) {
                rows.add(new Object[] {answer.itemCode(), answer.text(), null, null, null, null});
            }
            for (EvidenceFile file : answer.files()) {
                StoredDocument stored = store(file);
                rows.add(new Object[] {answer.itemCode(), answer.text(), stored.documentId(), io.cmohub.routes.store.StoredText.identifier(file.fileName(), 255),
                        stored.sha256(), stored.sizeBytes()});
            }
        }
        Instant now = now();
        String who = actor == null ? "partner:" + responder : actor;
        JdbcTransaction.run(dataSource, "could not record the answers to " + requestId, c -> {
            lockCase(c, request.caseId());
            // decided again under the case lock: a concurrent answer or a close may have changed the request since it was read
            RequestRow current = requestRow(c, requestId).orElseThrow(() -> new SQLException("no evidence request " + requestId));
            if (current.status() == EvidenceRequestStatus.CLOSED) {
                throw new IllegalArgumentException("evidence request " + requestId + " is closed");
            }
            int seq = nextAnswerSeq(c, requestId);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_evidence_answer (request_id, seq, item_code, answer_text, document_id, "
                    + "file_name, sha256, size_bytes, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : rows) {
                    bindAll(s, requestId, seq++, row[0], row[1], row[2], row[3], row[4], row[5], who, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            for (Object[] row : rows) {
                String what = row[2] == null ? "answer" : "file " + row[3] + " (" + row[5] + " bytes, sha256 " + row[4] + ")";
                timeline(c, request.caseId(), now, Party.CMO, who, "EVIDENCE_RECEIVED", row[0] + ": " + what);
                audit.record(c, who, "EVIDENCE_ANSWER", AUDIT_REQUEST, requestId, "SUCCESS", "item " + row[0],
                        row[2] == null ? null : "document=" + row[2] + " sha256=" + row[4] + " size=" + row[5]);
            }
            Set<String> answered = answeredItems(c, requestId);
            List<String> missing = request.items().stream().filter(EvidenceItem::required).map(EvidenceItem::code).filter(i -> !answered.contains(i)).toList();
            if (missing.isEmpty() && current.status() != EvidenceRequestStatus.ANSWERED) {
                updateRequestStatus(c, requestId, EvidenceRequestStatus.ANSWERED, now, now);
                int cancelled = SlaClocks.cancel(c, requestId);
                boolean late = now.isAfter(request.dueAt());
                setCaseStatus(c, request.caseId(), CaseStatus.UNDER_REVIEW, now);
                timeline(c, request.caseId(), now, Party.CMO, who, "EVIDENCE_COMPLETE", "every required item answered" + (late ? " after the due time "
                        + request.dueAt() : " before the due time") + "; " + cancelled + " SLA clock(s) stopped");
                audit.record(c, who, "EVIDENCE_COMPLETE", AUDIT_REQUEST, requestId, "SUCCESS", late ? "late" : "on time",
                        "turnaround=" + Duration.between(request.requestedAt(), now));
                publishRequest(c, requestId, now);
                publishCase(c, request.caseId(), now);
            } else {
                touch(c, request.caseId(), now);
                if (!missing.isEmpty()) {
                    timeline(c, request.caseId(), now, Party.SYSTEM, "system", "EVIDENCE_OUTSTANDING", "still missing: " + String.join(", ", missing));
                }
            }
        });
        return canonicalRequest(findRequestRow(requestId).orElseThrow());
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
            CaseStatus status = lockCase(c, caseId);
            if (status == CaseStatus.CLOSED) {
                return;
            }
            ReconciliationVerdict verdict = closure.verdict() != null ? closure.verdict() : currentVerdict(c, caseId);
            String summary;
            try (PreparedStatement s = c.prepareStatement("SELECT summary FROM coordination_case WHERE case_id = ?")) {
                bindAll(s, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    summary = rs.getString(1);
                }
            }
            String closedSummary = limit((summary == null ? "" : summary + " ") + "Closed: " + closure.rootCause(), 4000);
            try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET status = 'CLOSED', closed_at = ?, verdict = ?, summary = ?, updated_at = ? "
                    + "WHERE case_id = ?")) {
                bindAll(s, now, verdict == null ? null : verdict.name(), closedSummary, now, caseId);
                s.executeUpdate();
            }
            List<String> open = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT request_id FROM coordination_evidence_request WHERE case_id = ? AND status NOT IN ('ANSWERED', 'CLOSED')")) {
                bindAll(s, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        open.add(rs.getString(1));
                    }
                }
            }
            for (String requestId : open) {
                updateRequestStatus(c, requestId, EvidenceRequestStatus.CLOSED, null, now);
                SlaClocks.cancel(c, requestId);
                publishRequest(c, requestId, now);
                timeline(c, caseId, now, Party.MAH, actor, "REQUEST_CLOSED", requestId + " closed without complete CMO evidence");
            }
            timeline(c, caseId, now, Party.MAH, actor, "CASE_CLOSED", "root cause: " + closure.rootCause() + (verdict == null ? "" : " (verdict " + verdict + ")"));
            audit.record(c, actor, "CASE_CLOSE", AUDIT_CASE, caseId, "SUCCESS", closure.rootCause(), "verdict=" + verdict + " openRequestsClosed=" + open.size());
            InvestigationStatus mah = verdict == ReconciliationVerdict.LIKELY_CMO_PRINT_ERROR || verdict == ReconciliationVerdict.LIKELY_UPLOAD_ERROR
                    ? InvestigationStatus.ROOT_CAUSE_ON_MY_SIDE
                    : verdict == ReconciliationVerdict.LIKELY_END_USER_SCAN_ERROR ? InvestigationStatus.NO_ROOT_CAUSE_ON_MY_SIDE : null;
            for (String alertId : alertIds(c, caseId)) {
                eams(c, caseId, alertId, EamsStatus.CLOSED, mah, closure.rootCause(), now);
            }
            publishCase(c, caseId, now);
        });
        return find(caseId).orElseThrow();
    }

    // ------------------------------------------------------------------ reads

    public Optional<InvestigationCase> find(String caseId) {
        try (Connection c = dataSource.getConnection()) {
            return loadCase(c, caseId);
        } catch (SQLException e) {
            throw new StoreException("could not read case " + caseId, e);
        }
    }

    /**
     * Cases newest first, optionally only those in one status and/or attributed to one CMO (the
     * admin list and a CMO's own view); at most {@code limit}.
     */
    public List<InvestigationCase> list(CaseStatus status, PartnerId partner, int limit) {
        StringBuilder sql = new StringBuilder("SELECT case_id FROM coordination_case WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (partner != null) {
            sql.append(" AND partner_id = ?");
            params.add(partner.value());
        }
        sql.append(" ORDER BY opened_at DESC, case_id");
        List<InvestigationCase> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setMaxRows(Math.max(1, limit));
            bindAll(s, params.toArray());
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                loadCase(c, id).ifPresent(found::add);
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("could not list cases", e);
        }
    }

    public Optional<Reconciliation> reconciliation(String caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT verdict_json FROM coordination_case WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(JSON.readValue(rs.getString(1), Reconciliation.class));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the reconciliation of case " + caseId, e);
        } catch (IOException e) {
            throw new UncheckedIOException("stored reconciliation of case " + caseId + " is not readable", e);
        }
    }

    public List<TimelineEntry> timeline(String caseId) {
        List<TimelineEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, at, party, actor, action, detail FROM coordination_timeline WHERE case_id = ? ORDER BY seq")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(caseId, rs.getInt(1), SqlValues.instant(rs, "at"), Party.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("could not read the timeline of case " + caseId, e);
        }
    }

    public List<EvidenceRequest> requests(String caseId) {
        return requestRows("SELECT * FROM coordination_evidence_request WHERE case_id = ? ORDER BY requested_at, request_id", caseId).stream()
                .map(CaseCoordinator::canonicalRequest).toList();
    }

    /** A CMO's requests that still wait for evidence (the portal view). */
    public List<EvidenceRequest> openRequestsOf(PartnerId partner) {
        return requestRows("SELECT * FROM coordination_evidence_request WHERE partner_id = ? AND status IN ('OPEN', 'DISPATCHED', 'OVERDUE', 'ESCALATED') "
                + "ORDER BY due_at, request_id", partner.value()).stream().map(CaseCoordinator::canonicalRequest).toList();
    }

    public List<StoredAnswer> answers(String requestId) {
        List<StoredAnswer> answers = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_evidence_answer WHERE request_id = ? ORDER BY seq")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    answers.add(new StoredAnswer(requestId, rs.getInt("seq"), rs.getString("item_code"), rs.getString("answer_text"), rs.getString("document_id"),
                            rs.getString("file_name"), rs.getString("sha256"), SqlValues.longOrNull(rs, "size_bytes"), rs.getString("answered_by"),
                            SqlValues.instant(rs, "answered_at")));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new StoreException("could not read the answers to " + requestId, e);
        }
    }

    // ------------------------------------------------------------------ internals

    private record RequestRow(String requestId, String caseId, PartnerId partner, AlertCode alertCode, List<EvidenceItem> items, Instant requestedAt,
                              Instant dueAt, String channel, EvidenceRequestStatus status, Integer revision) {
    }

    /** The request as stored, with the revision last published (none before its first publication). */
    private static EvidenceRequest canonicalRequest(RequestRow r) {
        return new EvidenceRequest(r.requestId(), r.caseId(), r.alertCode(), r.partner(), r.items(), r.requestedAt(), r.dueAt(), r.channel(), r.status(),
                r.revision());
    }

    /** The revision last published for a row; 0 in the column means none yet. */
    private static Integer revision(ResultSet rs) throws SQLException {
        int revision = rs.getInt("revision");
        return revision == 0 ? null : revision;
    }

    private Optional<RequestRow> findRequestRow(String requestId) {
        List<RequestRow> rows = requestRows("SELECT * FROM coordination_evidence_request WHERE request_id = ?", requestId);
        return rows.stream().findFirst();
    }

    private List<RequestRow> requestRows(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, parameter);
            return readRequests(s);
        } catch (SQLException e) {
            throw new StoreException("could not read evidence requests", e);
        }
    }

    private static Optional<RequestRow> requestRow(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_evidence_request WHERE request_id = ?")) {
            bindAll(s, requestId);
            return readRequests(s).stream().findFirst();
        }
    }

    private static List<RequestRow> readRequests(PreparedStatement s) throws SQLException {
        List<RequestRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                List<EvidenceItem> items;
                try {
                    items = JSON.readValue(rs.getString("items_json"), ITEMS);
                } catch (JsonProcessingException e) {
                    throw new SQLException("stored items of evidence request " + rs.getString("request_id") + " are not readable", e);
                }
                rows.add(new RequestRow(rs.getString("request_id"), rs.getString("case_id"), PartnerId.of(rs.getString("partner_id")),
                        AlertCode.of(rs.getString("alert_code")), items, SqlValues.instant(rs, "requested_at"), SqlValues.instant(rs, "due_at"),
                        rs.getString("channel"), EvidenceRequestStatus.valueOf(rs.getString("status")), revision(rs)));
            }
        }
        return rows;
    }

    private void updateRequestStatus(Connection c, String requestId, EvidenceRequestStatus status, Instant answeredAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_evidence_request SET status = ?, answered_at = COALESCE(?, answered_at), updated_at = ? "
                + "WHERE request_id = ?")) {
            bindAll(s, status.name(), answeredAt, now, requestId);
            s.executeUpdate();
        }
    }

    private static void setCaseStatus(Connection c, String caseId, CaseStatus status, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET status = ?, updated_at = ? WHERE case_id = ? AND status <> 'CLOSED'")) {
            bindAll(s, status.name(), now, caseId);
            s.executeUpdate();
        }
    }

    private static void touch(Connection c, String caseId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_case SET updated_at = ? WHERE case_id = ?")) {
            bindAll(s, now, caseId);
            s.executeUpdate();
        }
    }

    /** Locks the case row for this transaction and returns its status. */
    private static CaseStatus lockCase(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM coordination_case WHERE case_id = ? FOR UPDATE")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no case " + caseId);
                }
                return CaseStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static ReconciliationVerdict currentVerdict(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT verdict FROM coordination_case WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? ReconciliationVerdict.valueOf(rs.getString(1)) : null;
            }
        }
    }

    private void addAlert(Connection c, String caseId, Alert alert) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_case_alert (alert_id, case_id, alert_code, market, serial, raised_at, alert_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, alert.alertId(), caseId, alert.code().value(), alert.market(), alert.scanned() == null ? null : limit(alert.scanned().serial(), 100),
                    alert.raisedAt(), json(alert));
            s.executeUpdate();
        }
    }

    private static List<String> alertIds(Connection c, String caseId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT alert_id FROM coordination_case_alert WHERE case_id = ? ORDER BY raised_at, alert_id")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private Alert firstAlert(String caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT alert_json FROM coordination_case_alert WHERE case_id = ? ORDER BY raised_at, alert_id")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no case " + caseId);
                }
                return JSON.readValue(rs.getString(1), Alert.class);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the alerts of case " + caseId, e);
        } catch (IOException e) {
            throw new UncheckedIOException("stored alert of case " + caseId + " is not readable", e);
        }
    }

    private Optional<String> caseOfAlert(String alertId) {
        return single("SELECT case_id FROM coordination_case_alert WHERE alert_id = ?", alertId);
    }

    private Optional<String> openCaseOfGroup(String groupKey) {
        return single("SELECT case_id FROM coordination_case WHERE group_key = ? AND status <> 'CLOSED' ORDER BY opened_at", groupKey);
    }

    private static Optional<String> openCaseOfGroup(Connection c, String groupKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT case_id FROM coordination_case WHERE group_key = ? AND status <> 'CLOSED' ORDER BY opened_at")) {
            bindAll(s, groupKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<String> single(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bindAll(s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the case store", e);
        }
    }

    private static Set<String> answeredItems(Connection c, String requestId) throws SQLException {
        Set<String> items = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT item_code FROM coordination_evidence_answer WHERE request_id = ?")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1));
                }
            }
        }
        return items;
    }

    private static int nextAnswerSeq(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM coordination_evidence_answer WHERE request_id = ?")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        }
    }

    private static void timeline(Connection c, String caseId, Instant at, Party party, String actor, String action, String detail) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM coordination_timeline WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_timeline (case_id, seq, at, party, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindAll(s, caseId, seq, at, party.name(), limit(actor, 200), action, limit(io.cmohub.routes.store.StoredText.clean(detail), 4000));
            s.executeUpdate();
        }
    }

    private void eams(Connection c, String caseId, String alertId, EamsStatus status, InvestigationStatus mah, String reason, Instant now)
            throws SQLException {
        EamsUpdate update = new EamsUpdate("eams-" + caseId + "-" + alertId + "-" + status + "-" + id(), alertId, status, mah, reason);
        Outbox.eams(c, update, caseId, now);
        timeline(c, caseId, now, Party.MAH, "system", "EAMS_UPDATE", "alert " + alertId + ": status " + status + (mah == null ? "" : ", MAH investigation " + mah)
                + (reason == null ? "" : " (" + reason + ")"));
    }

    /** Queues the case's current state as an event under its next revision; nothing when the state is the one last published. */
    private void publishCase(Connection c, String caseId, Instant now) throws SQLException {
        InvestigationCase state = loadCase(c, caseId).orElseThrow().withRevision(null);
        OptionalInt revision = Revisions.CASE.next(c, caseId, state);
        if (revision.isEmpty()) {
            return;
        }
        Attribution attribution = state.attribution();
        Outbox.event(c, CanonicalEvent.of(state.withRevision(revision.getAsInt()), settings.eventSource(),
                attribution.partner() == null ? null : attribution.partner().value(), now), caseId, now);
    }

    /** As {@link #publishCase} for an evidence request; returns the request as it now stands, with its revision. */
    private EvidenceRequest publishRequest(Connection c, String requestId, Instant now) throws SQLException {
        RequestRow row = requestRow(c, requestId).orElseThrow(() -> new SQLException("no evidence request " + requestId));
        EvidenceRequest state = canonicalRequest(row).withRevision(null);
        OptionalInt revision = Revisions.REQUEST.next(c, requestId, state);
        if (revision.isEmpty()) {
            return canonicalRequest(row);
        }
        EvidenceRequest published = state.withRevision(revision.getAsInt());
        Outbox.event(c, CanonicalEvent.of(published, settings.eventSource(), row.partner().value(), now), row.caseId(), now);
        return published;
    }

    private static Optional<InvestigationCase> loadCase(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_case WHERE case_id = ?")) {
            bindAll(s, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String partner = rs.getString("partner_id");
                String site = rs.getString("site_id");
                String line = rs.getString("line_id");
                Attribution attribution = new Attribution(AttributionOutcome.valueOf(rs.getString("attribution_outcome")),
                        partner == null ? null : PartnerId.of(partner), site == null ? null : SiteId.of(site), line == null ? null : LineId.of(line),
                        rs.getString("run_id"), rs.getString("attribution_reason"));
                String product = rs.getString("product_code");
                String batch = rs.getString("batch_id");
                String market = rs.getString("market");
                String verdict = rs.getString("verdict");
                InvestigationCase found = new InvestigationCase(caseId, List.of("?"), AlertCode.of(rs.getString("alert_code")),
                        CaseStatus.valueOf(rs.getString("status")), attribution, product == null ? null : ProductCode.of(product),
                        batch == null ? null : BatchId.of(batch), market == null ? null : Market.of(market), SqlValues.instant(rs, "opened_at"),
                        SqlValues.instant(rs, "closed_at"), verdict == null ? null : ReconciliationVerdict.valueOf(verdict), rs.getString("summary"));
                return Optional.of(new InvestigationCase(caseId, alertIds(c, caseId), found.alertCode(), found.status(), found.attribution(),
                        found.product(), found.batchId(), found.market(), found.openedAt(), found.closedAt(), found.verdict(), found.summary(),
                        revision(rs)));
            }
        }
    }

    private StoredDocument store(EvidenceFile file) {
        try (InputStream in = file.content()) {
            return documents.store(in, settings.maxEvidenceFileBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store evidence file " + file.fileName(), e);
        }
    }

    private static String requestText(EvidenceTemplate template, EvidenceRequest request, String dueText) {
        StringBuilder text = new StringBuilder();
        text.append("Alert investigation ").append(request.caseId()).append(" (").append(request.alertCode()).append(": ").append(template.title())
                .append(")\nEvidence request ").append(request.requestId()).append(", due ").append(dueText).append("\n\nPlease provide:\n");
        for (EvidenceItem item : request.items()) {
            text.append(" - [").append(item.code()).append("] ").append(item.description()).append(item.required() ? "" : " (if available)").append('\n');
        }
        List<String> actions = template.actionsOf(Party.CMO);
        if (!actions.isEmpty()) {
            text.append("\nYour actions:\n");
            actions.forEach(a -> text.append(" - ").append(a).append('\n'));
        }
        return text.toString();
    }

    private static String summary(Alert alert, Reconciliation reconciliation) {
        String scanned = alert.scanned() == null ? "" : " on " + alert.scanned().productCode() + "/" + alert.scanned().batchId();
        return limit(alert.code() + scanned + (alert.market() == null ? "" : " in " + alert.market()) + ": " + reconciliation.verdict() + ", "
                + reconciliation.reason() + ".", 3000);
    }

    /**
     * Alerts of one code on one product batch share a case. Without a product and a batch there is
     * nothing to share by: such an alert gets a group of its own, rather than every such alert
     * joining the first one's case (and its CMO's evidence request).
     */
    private static String groupKey(Alert alert) {
        String product = alert.scanned() == null ? null : normalised(alert.scanned().productCode());
        String batch = alert.scanned() == null ? null : normalised(alert.scanned().batchId());
        String code = alert.code().value().strip().toUpperCase(java.util.Locale.ROOT);
        if (product == null || batch == null) {
            return limit(code + "|alert|" + alert.alertId(), 200);
        }
        return limit(code + "|" + product + "|" + batch, 200);
    }

    private static String normalised(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A scanned value as the model type, or null when absent or invalid (the case then names no product or batch). */
    private static <T> T parse(String raw, java.util.function.Function<String, T> parse) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
