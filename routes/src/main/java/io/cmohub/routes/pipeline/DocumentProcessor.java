package io.cmohub.routes.pipeline;

import io.cmohub.routes.audit.AuditOutcome;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.connector.RecordError;
import io.cmohub.connector.limits.RecordLimits;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.PartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.partner.PartnerScopeCheck;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes one stored document end to end: pick the partner's connector for the format, parse
 * and map as a stream, apply the partner's per-record authorisation, drop records published
 * before, publish the rest in transacted batches, and record the outcome.
 *
 * <p>Safe to run again for the same document after a crash at any point: the ledger and the
 * broker's duplicate detection make sure no event is published twice, and nothing is marked
 * published before the broker has it.
 */
public final class DocumentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentProcessor.class);
    /** Processing attempts of one document before it is given up, unless the caller says otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** How many rejected-record reasons one document writes to the audit trail individually. */
    private static final int AUDITED_REJECTIONS = 100;

    private final ConnectorCatalog connectors;
    private final PartnerDirectory partners;
    private final DocumentStore store;
    private final JdbcDocumentRegistry registry;
    private final JdbcEventLedger ledger;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final int batchSize;
    private final PipelineObserver observer;
    private final RecordLimits limits;
    /** Documents being processed in this JVM: a second dispatch of one (a redelivery next to a start-up re-dispatch) waits its turn. */
    private final java.util.Set<String> inProgress = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DocumentProcessor(ConnectorCatalog connectors, PartnerDirectory partners, DocumentStore store, JdbcDocumentRegistry registry,
                             JdbcEventLedger ledger, EventPublisher publisher, AuditTrail audit, int batchSize) {
        this(connectors, partners, store, registry, ledger, publisher, audit, batchSize, PipelineObserver.NONE);
    }

    public DocumentProcessor(ConnectorCatalog connectors, PartnerDirectory partners, DocumentStore store, JdbcDocumentRegistry registry,
                             JdbcEventLedger ledger, EventPublisher publisher, AuditTrail audit, int batchSize, PipelineObserver observer) {
        this(connectors, partners, store, registry, ledger, publisher, audit, batchSize, observer, RecordLimits.DEFAULT);
    }

    /** @param limits the bounds on one source record every connector applies ({@link RecordLimits}) */
    public DocumentProcessor(ConnectorCatalog connectors, PartnerDirectory partners, DocumentStore store, JdbcDocumentRegistry registry,
                             JdbcEventLedger ledger, EventPublisher publisher, AuditTrail audit, int batchSize, PipelineObserver observer,
                             RecordLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.observer = observer;
        this.connectors = connectors;
        this.partners = partners;
        this.store = store;
        this.registry = registry;
        this.ledger = ledger;
        this.publisher = publisher;
        this.audit = audit;
        this.batchSize = batchSize;
    }

    /**
     * Processes the document unless it already has a final status; returns its status. If this JVM
     * is already processing it, returns at once: the running processing owns the outcome.
     */
    public DocumentState process(String documentId) throws IOException {
        return process(documentId, DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * As {@link #process(String)}; a document whose processing was already started {@code maxAttempts}
     * times (counted in the database, so across restarts) is rejected instead, with its last failure.
     * A failure of this attempt is recorded on the document and thrown; running out of memory or stack
     * is thrown as {@link ProcessingFailedException}, so that the caller's ordinary failure handling
     * (redelivery, give-up) applies to it too.
     */
    public DocumentState process(String documentId, int maxAttempts) throws IOException {
        if (!inProgress.add(documentId)) {
            return DocumentState.PROCESSING;
        }
        try {
            return processClaimed(documentId, maxAttempts);
        } catch (IOException | RuntimeException e) {
            recordFailure(documentId, e.toString(), InfrastructureFailure.is(e));
            throw e;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The record bounds should make this impossible; if it happens anyway, the memory is free again
            // once the stack has unwound, and the document must not be retried for ever.
            LOG.error("processing of document {} failed with {}", documentId, e.toString());
            recordFailure(documentId, e.toString(), false);
            throw new ProcessingFailedException("processing ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + ": " + e, e);
        } finally {
            inProgress.remove(documentId);
        }
    }

    /** How often processing of the document has been started, 0 for an unknown document. */
    public int attempts(String documentId) {
        return documentId == null ? 0 : registry.find(documentId).map(DocumentRecord::attempts).orElse(0);
    }

    /** Rejects a document the hub refused before reading it (e.g. an inbox entry that is a link), with the reason. */
    public DocumentState refuse(String documentId, String reason) {
        DocumentRecord document = registry.find(documentId).orElseThrow(() -> new IllegalArgumentException("no document " + documentId + " is registered"));
        return reject(document, reason);
    }

    private void recordFailure(String documentId, String failure, boolean infrastructure) {
        try {
            registry.attemptFailed(documentId, failure, !infrastructure);
        } catch (RuntimeException e) {
            LOG.warn("could not record the failure of document {}: {}", documentId, e.toString()); // the database itself may be the failure
        }
    }

    private DocumentState processClaimed(String documentId, int maxAttempts) throws IOException {
        DocumentRecord document = registry.find(documentId)
                .orElseThrow(() -> new IllegalArgumentException("no document " + documentId + " is registered"));
        if (document.status().isFinal()) {
            return document.status(); // a redelivered dispatch message for finished work
        }
        MDC.put("documentId", documentId);
        try {
            if (document.attempts() >= maxAttempts) {
                return reject(document, "processing was started " + document.attempts() + " times without finishing (limit "
                        + "cmohub.dispatch.max-attempts=" + maxAttempts + "); last failure: " + (document.lastFailure() == null
                        ? "none recorded, the process stopped during processing (e.g. out of memory or killed)" : document.lastFailure()));
            }
            registry.markProcessing(documentId);
            Optional<String> refusal = refusal(document);
            if (refusal.isPresent()) {
                return reject(document, refusal.get());
            }
            PartnerProfile partner = partners.find(PartnerId.of(document.partner())).orElseThrow();
            CmoConnector connector = connectors.find(document.format()).orElseThrow();
            ConnectorConfig config;
            try {
                config = ConnectorConfig.of(connector.descriptor(), partner.format(document.format()).orElseThrow().config());
            } catch (InvalidConfigException e) {
                return reject(document, "the partner's configuration for format " + document.format() + " is invalid: " + e.getMessage());
            }
            DocumentRun run = new DocumentRun(document.format(), connector.open(config), connector.descriptor().defaultErrorPolicy(),
                    new PartnerScopeCheck(partner));
            PublishingBatcher batcher = new PublishingBatcher(ledger, publisher, observer, batchSize, documentId,
                    CanonicalEvent.partnerSource(document.partner()), document.partner(), document.receivedAt(),
                    processed -> registry.progress(documentId, processed));
            DocumentContext context = new DocumentContext(partner.id(), documentId, document.receivedAt(), limits);
            DocumentReport report = run.deliver(store.source(documentId), context, batcher::accept);
            batcher.flush();
            return complete(document, report, batcher.published(), batcher.duplicates());
        } finally {
            MDC.remove("documentId");
        }
    }

    /**
     * Ends a document that failed on every attempt: REJECTED, with the failure as the reason, so it is
     * in the quarantine and can be replayed once the cause is fixed.
     */
    public void giveUp(String documentId, Throwable failure, int attempts) {
        Optional<DocumentRecord> document = documentId == null ? Optional.empty() : registry.find(documentId);
        if (document.isEmpty() || document.get().status().isFinal()) {
            LOG.error("giving up on dispatch message for document {} after {} attempts: {}", documentId, attempts, String.valueOf(failure));
            return;
        }
        LOG.error("giving up on document {} after {} attempts", documentId, attempts, failure);
        reject(document.get(), "processing failed " + attempts + " times (limit cmohub.dispatch.max-attempts); last failure: " + failure);
    }

    private boolean isRegistered(String partner) {
        try {
            return partners.find(PartnerId.of(partner)).isPresent();
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private Optional<String> refusal(DocumentRecord document) {
        PartnerId partnerId;
        try {
            partnerId = PartnerId.of(document.partner());
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
        Optional<PartnerProfile> partner = partners.find(partnerId);
        if (partner.isEmpty() || !partner.get().enabled()) {
            return Optional.of("partner '" + document.partner() + "' is not registered or is disabled");
        }
        if (connectors.find(document.format()).isEmpty()) {
            return Optional.of("unknown format '" + document.format() + "'; this hub reads " + String.join(", ", connectors.formatIds()));
        }
        if (partner.get().format(document.format()).isEmpty()) {
            return Optional.of("format '" + document.format() + "' is not registered for partner '" + document.partner() + "'");
        }
        return Optional.empty();
    }

    private DocumentState reject(DocumentRecord document, String reason) {
        DocumentReport report = new DocumentReport(document.format(), DocumentStatus.REJECTED, 0, 0,
                List.of(new RecordError("document", null, reason)), 0, 0);
        return complete(document, report, 0, 0);
    }

    private DocumentState complete(DocumentRecord document, DocumentReport report, long published, long duplicates) {
        DocumentState state = DocumentState.valueOf(report.status().name());
        long rejectedRecords = report.rejectedRecords();
        String counts = "sourceEvents=" + report.sourceEvents() + " canonicalRecords=" + report.canonicalRecords() + " published=" + published
                + " duplicates=" + duplicates + " rejectedRecords=" + rejectedRecords;
        String firstReason = report.errors().isEmpty() ? null : report.errors().get(0).reason();
        String action = switch (state) {
            case ACCEPTED -> "ACCEPT";
            case PARTIALLY_ACCEPTED -> "ACCEPT_PARTIALLY";
            default -> "REJECT";
        };
        // The outcome and its audit rows commit together: neither exists without the other.
        registry.complete(document.documentId(), state, report, published, duplicates, rejectedRecords, c -> {
            audit.record(c, AuditEvent.of(state == DocumentState.REJECTED ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, "system", action)
                    .on("document", document.documentId())
                    .because(firstReason).details("partner=" + document.partner() + " " + counts));
            List<RecordError> denied = report.errors().stream().filter(error -> error.reason().startsWith("not authorised"))
                    .limit(AUDITED_REJECTIONS).toList();
            for (RecordError refusal : denied) {
                audit.record(c, AuditEvent.denied(document.partner(), "RECORD_REJECTED").on("document", document.documentId())
                        .because(refusal.reason()).details("location=" + refusal.location()));
            }
            if (published > 0) {
                audit.record(c, AuditEvent.success("system", "PUBLISH").on("document", document.documentId()).details("events=" + published));
            }
        });
        // Metric tags only from the registry and the catalogue: a sender must not be able to mint meters.
        boolean registered = isRegistered(document.partner());
        observer.documentCompleted(registered ? document.partner() : "unregistered",
                connectors.find(document.format()).isPresent() ? document.format() : "unknown", state.name(), report.sourceEvents(), published,
                duplicates, rejectedRecords);
        LOG.info("document {} from {} ({}): {} {}", document.documentId(), document.partner(), document.format(), state, counts);
        return state;
    }
}
