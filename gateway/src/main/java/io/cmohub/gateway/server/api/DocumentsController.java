package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.wiring.StartupTasks;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.partner.PartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Document intake over HTTP and the document status API. */
@RestController
@RequestMapping("/api/v1")
public class DocumentsController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentsController.class);
    private final DocumentIntake intake;
    private final JdbcDocumentRegistry registry;
    private final PartnerDirectory partners;
    private final ConnectorCatalog connectors;
    private final StartupTasks.Dispatcher dispatcher;
    private final Access access;

    public DocumentsController(DocumentIntake intake, JdbcDocumentRegistry registry, PartnerDirectory partners, ConnectorCatalog connectors,
                               StartupTasks.Dispatcher dispatcher, Access access) {
        this.intake = intake;
        this.registry = registry;
        this.partners = partners;
        this.connectors = connectors;
        this.dispatcher = dispatcher;
        this.access = access;
    }

    /**
     * Receives one document (the raw request body) from a partner. The document is stored and
     * registered before the answer; processing is asynchronous. Answers 202 with the document id.
     */
    @Authorised(AccessRule.PARTNER)
    @PostMapping("/partners/{partner}/documents")
    public ResponseEntity<Map<String, String>> receive(@PathVariable String partner,
                                                       @RequestHeader(value = "X-File-Name", required = false) String fileName,
                                                       HttpServletRequest request) throws IOException {
        access.requirePartner(request, partner);
        if (request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // A form upload would be stored as its multipart envelope, not as the partner's file.
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the document as the raw request body (e.g. curl --data-binary @file "
                    + "-H 'Content-Type: text/csv'), not as a multipart form upload");
        }
        // Read from the query string only: asking the servlet for a parameter would consume a body
        // sent as application/x-www-form-urlencoded (curl's default) and store an empty document.
        String rawFormat = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().getFirst("format");
        String format = rawFormat == null ? null : org.springframework.web.util.UriUtils.decode(rawFormat, java.nio.charset.StandardCharsets.UTF_8);
        PartnerProfile profile;
        try {
            profile = partners.find(PartnerId.of(partner)).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no partner '" + partner + "'"));
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no partner '" + partner + "'");
        }
        if (format == null || format.isBlank()) {
            format = chooseFormat(profile, fileName);
        }
        if (connectors.find(format).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown format '" + format + "'; this hub reads " + String.join(", ", connectors.formatIds()));
        }
        if (profile.format(format).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "format '" + format + "' is not registered for partner '" + partner + "'");
        }
        if (request.getContentLengthLong() > intake.maxDocumentBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the document is larger than the limit of " + intake.maxDocumentBytes() + " bytes");
        }
        DocumentRecord record = intake.receive(partner, format, "http", fileName, request.getInputStream(), null);
        try {
            dispatcher.dispatch(record.documentId());
        } catch (RuntimeException e) {
            // Registered, so it is the hub's from here: the sweeper dispatches a document left RECEIVED once the
            // broker is back. Answering an error would make the partner send it again, as a second document.
            LOG.warn("document {} is registered but its dispatch failed ({}); the sweeper will dispatch it", record.documentId(), e.toString());
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/documents/" + record.documentId()))
                .body(Map.of("documentId", record.documentId(), "status", record.status().name(), "sha256", record.sha256()));
    }

    /** The partner's format for a document sent without one: its only format, or the one whose file pattern the name matches. */
    private static String chooseFormat(PartnerProfile profile, String fileName) {
        List<PartnerProfile.PartnerFormat> candidates = profile.formatsFor(fileName);
        if (candidates.size() == 1) {
            return candidates.get(0).formatId();
        }
        List<String> registered = profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).toList();
        if (candidates.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "query parameter 'format' is required: partner '" + profile.id() + "' sends " + registered
                    + (fileName == null ? " and no X-File-Name was given to choose by file pattern" : " and no file pattern matches '" + fileName + "'"));
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "query parameter 'format' is required: file name '" + fileName + "' matches the patterns of "
                + candidates.stream().map(PartnerProfile.PartnerFormat::formatId).toList());
    }

    @Authorised(AccessRule.PARTNER_READ)
    @GetMapping("/documents/{documentId}")
    public DocumentView status(@PathVariable String documentId, HttpServletRequest request) {
        DocumentRecord record = registry.find(documentId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no document " + documentId));
        Principal principal = access.principal(request);
        if (principal.visiblePartner() != null && !principal.visiblePartner().equals(record.partner())) {
            // Same answer as for a missing document: a partner learns nothing about others' documents.
            throw new ApiException(HttpStatus.NOT_FOUND, "no document " + documentId);
        }
        return DocumentView.of(record, registry.errors(documentId), registry.notices(documentId));
    }
}
