package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.EvidenceAnswer;
import io.cmohub.coordination.cases.EvidenceFile;
import io.cmohub.coordination.cases.NotYourRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The CMO portal: a partner reads its open evidence requests and answers them. Answers are a
 * multipart form: {@code answer.<ITEM>} text fields and {@code file.<ITEM>} files (several per item
 * allowed). The responder is the authenticated partner (or the admin acting for the partner in the
 * path); a request addressed to another CMO is refused with 403 and audited as DENIED.
 */
@RestController
@RequestMapping("/api/v1/partners/{partner}/evidence-requests")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class EvidencePortalController {
    static final String ANSWER_PREFIX = "answer.";
    static final String FILE_PREFIX = "file.";

    private final CaseCoordinator cases;
    private final Access access;

    public EvidencePortalController(CaseCoordinator cases, Access access) {
        this.cases = cases;
        this.access = access;
    }

    @Authorised(AccessRule.PARTNER_READ)
    @GetMapping
    public JsonNode open(@PathVariable String partner, HttpServletRequest request) {
        access.requireVisible(request, partner);
        return CanonicalJson.mapper().valueToTree(cases.views().openRequestsOf(partnerId(partner)));
    }

    @Authorised(AccessRule.PARTNER)
    @PostMapping(path = "/{requestId}/responses", consumes = "multipart/form-data")
    public JsonNode respond(@PathVariable String partner, @PathVariable String requestId, HttpServletRequest request) throws IOException {
        Principal principal = access.requirePartner(request, partner);
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "answers are sent as multipart/form-data");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        multipart.getParameterMap().forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX) && values.length > 0) {
                texts.put(name.substring(ANSWER_PREFIX.length()), String.join("\n", values));
            }
        });
        Map<String, List<MultipartFile>> files = new LinkedHashMap<>();
        multipart.getMultiFileMap().forEach((name, parts) -> {
            if (name.startsWith(FILE_PREFIX)) {
                files.put(name.substring(FILE_PREFIX.length()), parts);
            }
        });
        Set<String> items = new LinkedHashSet<>(texts.keySet());
        items.addAll(files.keySet());
        if (items.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "no answers: send answer.<ITEM> fields and/or file.<ITEM> files");
        }
        List<InputStream> opened = new ArrayList<>();
        try {
            List<EvidenceAnswer> answers = new ArrayList<>();
            for (String item : items) {
                List<EvidenceFile> evidence = new ArrayList<>();
                for (MultipartFile file : files.getOrDefault(item, List.of())) {
                    InputStream in = file.getInputStream();
                    opened.add(in);
                    evidence.add(new EvidenceFile(file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? item
                            : file.getOriginalFilename(), in));
                }
                answers.add(new EvidenceAnswer(item, texts.get(item), evidence));
            }
            EvidenceRequest answered = cases.respond(requestId, partnerId(partner), answers, principal.kind() == Principal.Kind.PARTNER ? "partner:" + partner : principal.actor());
            return CanonicalJson.mapper().valueToTree(answered);
        } catch (NotYourRequestException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(e.getMessage() != null && e.getMessage().startsWith("no evidence request") ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST, e.getMessage());
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    private static PartnerId partnerId(String partner) {
        try {
            return PartnerId.of(partner);
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no partner '" + partner + "'");
        }
    }
}
