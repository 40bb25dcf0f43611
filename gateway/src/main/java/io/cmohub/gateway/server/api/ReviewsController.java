package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.reviews.AccessReviewRow;
import io.cmohub.gateway.server.reviews.AuditReview;
import io.cmohub.gateway.server.reviews.AuditReviewRow;
import io.cmohub.gateway.server.reviews.ReviewCsv;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviews the regulations expect, as JSON or, with {@code format=csv}, as a CSV file: the access review
 * (who may do what, last login, disabled and locked accounts, partner credentials) and the audit-trail
 * review of a period. Roles ADMIN, AUDITOR, QA. Producing a review is itself audited (a read of the trail).
 */
@RestController
@RequestMapping("/api/v1/admin/reviews")
public class ReviewsController {
    private final Access access;
    private final JdbcAccounts accounts;
    private final JdbcPartnerDirectory partners;
    private final AuditReview auditReview;
    private final io.cmohub.routes.audit.AuditTrail audit;

    public ReviewsController(Access access, JdbcAccounts accounts, JdbcPartnerDirectory partners, javax.sql.DataSource dataSource,
                             io.cmohub.routes.audit.AuditTrail audit) {
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
        this.partners = partners;
        this.auditReview = new AuditReview(dataSource);
    }

    @Authorised(AccessRule.AUDIT_REVIEW)
    @GetMapping("/access")
    public ResponseEntity<?> access(@RequestParam(defaultValue = "json") String format, HttpServletRequest request) throws IOException {
        var reviewer = access.requireRoles(request, Role.AUDIT_REVIEW);
        audit.record(io.cmohub.routes.audit.AuditEvent.success(reviewer.actor(), "REVIEW").on("review", "access").because("access review produced"));
        List<AccessReviewRow> rows = new ArrayList<>();
        accounts.list().forEach(a -> rows.add(new AccessReviewRow("PERSON_" + a.source(), a.username(), a.displayName(),
                a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), a.partner(), a.enabled(), a.lockedUntil(), a.lastLoginAt(),
                a.passwordChangedAt(), a.createdAt(), a.createdBy())));
        partners.all().forEach(id -> partners.find(id).ifPresent(p -> rows.add(new AccessReviewRow("PARTNER_CREDENTIAL", p.id().value(), p.name(),
                "partner", p.id().value(), p.enabled(), null, null, null, null, null))));
        return respond(format, "access-review.csv", AccessReviewRow.class, rows, rows);
    }

    /** {@code from} and {@code to} are ISO instants ({@code 2026-11-01T00:00:00Z}); the period is [from, to). */
    @Authorised(AccessRule.AUDIT_REVIEW)
    @GetMapping("/audit")
    public ResponseEntity<?> audit(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "json") String format,
                                   HttpServletRequest request) throws IOException {
        var reviewer = access.requireRoles(request, Role.AUDIT_REVIEW);
        Instant start;
        Instant end;
        try {
            start = Instant.parse(from);
            end = Instant.parse(to);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "from and to must be ISO instants such as 2026-11-01T00:00:00Z: " + e.getMessage());
        }
        if (!start.isBefore(end)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        audit.record(io.cmohub.routes.audit.AuditEvent.success(reviewer.actor(), "REVIEW").on("review", "audit-trail")
                .because("audit-trail review of [" + start + ", " + end + ") produced"));
        AuditReview.Report report = auditReview.of(start, end);
        if (report.truncated()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "more than " + AuditReview.MAX_ROWS + " GxP-relevant rows in this period; review a shorter one");
        }
        return respond(format, "audit-review-" + from.substring(0, Math.min(10, from.length())) + ".csv", AuditReviewRow.class, report.rows(), report);
    }

    private static <T> ResponseEntity<?> respond(String format, String fileName, Class<T> type, List<T> rows, Object json) throws IOException {
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                    .body(ReviewCsv.write(type, rows));
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "format must be json or csv");
        }
        return ResponseEntity.ok(json);
    }
}
