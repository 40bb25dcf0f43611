package io.cmohub.gateway.server.api;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.gateway.server.mappings.FormatListing;
import io.cmohub.gateway.server.mappings.JdbcMappings;
import io.cmohub.gateway.server.mappings.SavableFormat;
import io.cmohub.gateway.server.mappings.StoredMapping;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mapping files administered without a restart: an integration engineer PUTs a CMO's mapping file (the
 * YAML of docs/connectors.md) and the format is read from the next document on, on every node. A save is
 * an e-signed configuration change (record type {@code mapping}, meaning APPROVED), every version is kept,
 * and a format of the classpath or of {@code cmohub.mappings} cannot be replaced this way.
 */
@RestController
@RequestMapping("/api/v1/admin/mappings")
public class MappingsController {
    static final int MAX_BYTES = 256 * 1024;

    private final Access access;
    private final JdbcMappings mappings;
    private final ConnectorCatalog connectors;
    private final JdbcSignatures signatures;

    public MappingsController(Access access, JdbcMappings mappings, ConnectorCatalog connectors, JdbcSignatures signatures) {
        this.access = access;
        this.mappings = mappings;
        this.connectors = connectors;
        this.signatures = signatures;
    }

    /** Every format this hub reads, where it comes from, and for a saved mapping its version, saver and time. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public List<FormatListing.Format> list(HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return FormatListing.of(connectors, mappings);
    }

    /** A saved mapping: the version in use, or {@code ?version=N}; with its text, digest and signature. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{formatId}")
    public ResponseEntity<StoredMapping> get(@PathVariable String formatId, @RequestParam(required = false) Integer version, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        StoredMapping stored = (version == null ? mappings.latest(formatId) : mappings.version(formatId, version))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no mapping " + formatId + (version == null ? "" : " version " + version)
                        + " was saved through the API"));
        return ResponseEntity.ok().eTag(String.valueOf(stored.version())).body(stored);
    }

    /** Every saved version, newest first. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{formatId}/versions")
    public List<StoredMapping> versions(@PathVariable String formatId, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return mappings.history(formatId);
    }

    /**
     * The mapping file as the request body (UTF-8, at most 256 KiB), {@code ?signatureId=…&reason=…}, and
     * {@code If-Match: <version>} (0 for a new one) to refuse a save over someone else's.
     */
    @Authorised(AccessRule.SIGNED_ADMINISTRATION)
    @PutMapping("/{formatId}")
    public ResponseEntity<StoredMapping> save(@PathVariable String formatId, @RequestParam(required = false) String signatureId,
                                              @RequestParam(required = false) String reason,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              HttpServletRequest request) throws IOException {
        Principal admin = access.requirePerson(request, Role.ADMINISTRATION);
        try {
            SavableFormat.check(formatId, connectors);
        } catch (SavableFormat.Invalid e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (SavableFormat.Fixed e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        Integer expected = expectedVersion(ifMatch);
        String text = utf8(request.getInputStream());
        try {
            mappings.validate(formatId, text); // a wrong file spends no signature
        } catch (InvalidMappingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (reason != null && reason.length() > 500) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reason is at most 500 characters");
        }
        if (signatureId == null || signatureId.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "a mapping decides how a CMO's data is read, so saving one is a signed decision: sign it"
                    + " first (POST /api/v1/signatures with recordType \"mapping\", recordId \"" + formatId + "\", meaning APPROVED) and send"
                    + " ?signatureId=…");
        }
        boolean existed = mappings.latest(formatId).isPresent();
        StoredMapping saved = signatures.spend(signatureId, admin.id(), SignatureMeaning.APPROVED, "mapping", formatId, signature -> {
            try {
                return mappings.save(formatId, text, expected, admin.actor(), reason == null || reason.isBlank() ? "saved through the admin API" : reason,
                        signature.manifestation());
            } catch (JdbcMappings.StaleVersionException e) {
                throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
            }
        });
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).eTag(String.valueOf(saved.version())).body(saved);
    }

    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(ifMatch.strip().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "If-Match must be the mapping's version number (0 for a new one), not '" + ifMatch + "'");
        }
    }

    private static String utf8(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "a mapping file is at most " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "send the mapping file (YAML) as the request body");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a mapping file is UTF-8 text; this body is not");
        }
    }
}
