package io.cmohub.gateway.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.registry.RegisteredBatch;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.ProductCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the batch registry knows of one batch: the CMO and site, the batch record's status and expiry,
 * the packaging runs with what they printed, the serials registered ({@code commissionedSerials}, kept
 * on the batch row, so this answers at once for a million-serial batch), the EU Hub upload status and
 * the batch's open cases. An operator (and a test) sees here when a CMO's upload has been registered.
 */
@RestController
@RequestMapping("/api/v1/batches/{product}/{batch}")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class BatchesController {
    private final BatchRegistry registry;
    private final CaseCoordinator cases;
    private final Access access;

    public BatchesController(BatchRegistry registry, CaseCoordinator cases, Access access) {
        this.registry = registry;
        this.cases = cases;
        this.access = access;
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public JsonNode batch(@PathVariable String product, @PathVariable String batch, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        ProductCode productCode;
        BatchId batchId;
        try {
            productCode = ProductCode.of(product);
            batchId = BatchId.of(batch);
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        RegisteredBatch held = registry.find(productCode, batchId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "the batch registry holds no batch " + batchId + " of " + productCode));
        ObjectNode json = CanonicalJson.mapper().valueToTree(held);
        json.set("packagingRuns", json.remove("runs"));
        held.commissionedReported().ifPresent(reported -> json.put("commissionedReported", reported));
        ArrayNode open = json.putArray("openCases");
        for (InvestigationCase c : cases.views().openCasesOf(productCode, batchId)) {
            open.addObject().put("caseId", c.caseId()).put("alertCode", c.alertCode().value()).put("status", c.status().name())
                    .put("openedAt", c.openedAt().toString());
        }
        return json;
    }
}
