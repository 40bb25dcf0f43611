package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.routes.audit.AuditEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.wiring.AlertProperties;
import io.cmohub.model.AlertSource;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.OrganisationType;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertIntakeException;
import io.cmohub.coordination.alert.AlertNoticeJson;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.AlertView;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.JdbcAlertRegistry;
import io.cmohub.coordination.alert.MalformedAlertException;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.coordination.alert.eams.EamsException;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts: the generic JSON webhook for national systems and relays ({@code POST /api/v1/alerts},
 * contract {@code schemas/alerts/v1/alert-notice.schema.json}), one alert with every source that
 * delivered it ({@code GET /api/v1/alerts/{id}}), and the EAMS write-back (admin). Alerts are the
 * sponsor's: the admin or a configured alert source, never a CMO partner.
 */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertsController {
    private final AlertIntake intake;
    private final AlertQuarantine quarantine;
    private final JdbcAlertRegistry registry;
    private final ObjectProvider<EamsClient> eams;
    private final AuditTrail audit;
    private final Access access;
    private final AlertProperties properties;

    public AlertsController(AlertIntake intake, AlertQuarantine quarantine, JdbcAlertRegistry registry, ObjectProvider<EamsClient> eams, AuditTrail audit,
                            Access access, AlertProperties properties) {
        this.intake = intake;
        this.quarantine = quarantine;
        this.registry = registry;
        this.eams = eams;
        this.audit = audit;
        this.access = access;
        this.properties = properties;
    }

    /** 201 for a new alert, 200 otherwise (merged, duplicate, upload rejection); 400 with the quarantine id for a refused notice. */
    @Authorised(AccessRule.ALERT_INTAKE)
    @PostMapping(consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        Principal principal = access.requireAlertAccess(request);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(properties.getMaxNoticeBytes() + 1);
        }
        if (body.length > properties.getMaxNoticeBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "an alert notice may have at most " + properties.getMaxNoticeBytes() + " bytes");
        }
        IntakeResult result;
        try {
            result = intake.receive(AlertNoticeJson.read(body, AlertSource.NATIONAL));
        } catch (MalformedAlertException e) {
            String id = quarantine.quarantine(body, "alert-notice-json", "webhook", null, e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setProperty("quarantineId", id);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } catch (AlertIntakeException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the alert could not be stored now; send it again later");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("outcome", result.outcome().name());
        answer.put("alertId", result.alertId());
        answer.put("eventId", result.eventId());
        answer.put("receivedBy", principal.actor());
        return ResponseEntity.status(result.outcome().name().equals("ACCEPTED") ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{alertId}")
    public JsonNode alert(@PathVariable String alertId, HttpServletRequest request) {
        // An alert source posts alerts; reading them (other sources' alerts, their packs and cases) is the sponsor's.
        access.requireRoles(request, Role.SPONSOR);
        AlertView view = registry.find(alertId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no alert " + alertId));
        ObjectNode json = CanonicalJson.mapper().valueToTree(view);
        return json;
    }

    /** Writes an alert status (with reason) back to the EAMS. Body: {"status": "...", "reason": "...", "comment": "..."}. */
    @Authorised(AccessRule.CASE_WORK)
    @PostMapping(path = "/{alertId}/eams-status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> eamsStatus(@PathVariable String alertId, @RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal admin = access.requireRoles(request, Role.CASE_WORK);
        EamsClient client = eamsClient();
        EamsStatus status = parse(EamsStatus.class, body.get("status"), "status");
        try {
            client.setStatus(alertId, status, body.get("reason"), body.get("comment"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (EamsException e) {
            audit.record(AuditEvent.failure(admin.actor(), "EAMS_STATUS").on("alert", alertId).because(e.getMessage()).details("status=" + status));
            throw new ApiException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
        audit.record(AuditEvent.success(admin.actor(), "EAMS_STATUS").on("alert", alertId).because(body.get("reason")).details("status=" + status));
        return ResponseEntity.noContent().build();
    }

    /** Writes one organisation's investigation status back to the EAMS. Body: {"organisation": "MAH", "status": "..."}. */
    @Authorised(AccessRule.CASE_WORK)
    @PostMapping(path = "/{alertId}/eams-investigation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> eamsInvestigation(@PathVariable String alertId, @RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal admin = access.requireRoles(request, Role.CASE_WORK);
        EamsClient client = eamsClient();
        OrganisationType organisation = parse(OrganisationType.class, body.get("organisation"), "organisation");
        InvestigationStatus status = parse(InvestigationStatus.class, body.get("status"), "status");
        try {
            client.setInvestigation(alertId, organisation, status);
        } catch (EamsException e) {
            audit.record(AuditEvent.failure(admin.actor(), "EAMS_INVESTIGATION").on("alert", alertId).because(e.getMessage())
                    .details(organisation + "=" + status));
            throw new ApiException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
        audit.record(AuditEvent.success(admin.actor(), "EAMS_INVESTIGATION").on("alert", alertId).details(organisation + "=" + status));
        return ResponseEntity.noContent().build();
    }

    private EamsClient eamsClient() {
        EamsClient client = eams.getIfAvailable();
        if (client == null) {
            throw new ApiException(HttpStatus.CONFLICT, "the EAMS adapter is not configured (cmohub.eams.enabled)");
        }
        return client;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "'" + field + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
