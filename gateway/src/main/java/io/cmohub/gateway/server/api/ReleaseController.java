package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.ProductCode;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.scorecard.Scorecard;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pre-release upload gate and the CMO scorecard, both sponsor-side (admin credential). The
 * release check asks the EU Hub live; a Hub failure is answered 503, never PASS.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class ReleaseController {
    private final ReleaseCheck releaseCheck;
    private final Scorecard scorecard;
    private final Access access;
    private final java.time.Clock clock;

    public ReleaseController(ReleaseCheck releaseCheck, Scorecard scorecard, Access access, java.time.Clock clock) {
        this.clock = clock;
        this.releaseCheck = releaseCheck;
        this.scorecard = scorecard;
        this.access = access;
    }

    @Authorised(AccessRule.RELEASE)
    @PostMapping("/batches/{product}/{batch}/release-check")
    public JsonNode releaseCheck(@PathVariable String product, @PathVariable String batch, HttpServletRequest request) {
        Principal admin = access.requireRoles(request, Role.RELEASE);
        ProductCode productCode;
        BatchId batchId;
        try {
            productCode = ProductCode.of(product);
            batchId = BatchId.of(batch);
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        try {
            return CanonicalJson.mapper().valueToTree(releaseCheck.check(productCode, batchId, admin.actor()));
        } catch (io.cmohub.euhub.EuHubException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the EU Hub could not be asked; no release decision: " + e.getMessage());
        }
    }

    /** Alert patterns (CMO/site/line/code/month) and per-CMO evidence turnaround and closure time; default: the last 365 days. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/scorecard")
    public JsonNode scorecard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        Instant end;
        Instant start;
        try {
            end = to == null ? clock.instant() : Instant.parse(to);
            start = from == null ? end.minus(Duration.ofDays(365)) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "from/to are ISO instants, e.g. 2026-01-01T00:00:00Z");
        }
        var json = CanonicalJson.mapper().createObjectNode().put("from", start.toString()).put("to", end.toString());
        json.set("alertPatterns", CanonicalJson.mapper().valueToTree(scorecard.alertPatterns(start, end)));
        json.set("cmoScores", CanonicalJson.mapper().valueToTree(scorecard.scores(start, end)));
        return json;
    }
}
