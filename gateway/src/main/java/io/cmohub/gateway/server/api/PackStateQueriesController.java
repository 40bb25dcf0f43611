package io.cmohub.gateway.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.coordination.packstates.HubPackStates;
import io.cmohub.coordination.packstates.PackAnswerRows.ResultRow;
import io.cmohub.coordination.packstates.PackStateQueryRejectedException;
import io.cmohub.coordination.packstates.PackStateQueryRequest;
import io.cmohub.coordination.packstates.PackStateQueryStatus;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.reviews.ReviewCsv;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * EU Hub pack-state queries for sponsor systems: submit packs (JSON or CSV) or a batch, follow the
 * progress, page through the answers or take them as CSV. Pack states are the sponsor's data: a CMO's
 * key is refused (and the refusal audited); submitting needs a case-working role, reading any sponsor role.
 */
@RestController
@RequestMapping("/api/v1/eu-hub/pack-state-queries")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class PackStateQueriesController {
    static final int MAX_PAGE = 1000;
    /** Bytes allowed per pack in a request body: a JSON entry with a market is about 80. */
    private static final int BYTES_PER_PACK = 200;
    private static final String[] CSV_COLUMNS = {"seq", "product", "serial", "market", "answer", "batchId", "expiry", "batchState", "productState",
            "stateChangedAt", "decommissionLocation", "message", "answeredAt"};

    private final HubPackStates packStates;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public PackStateQueriesController(HubPackStates packStates, Access access, AuditTrail audit, Clock clock) {
        this.packStates = packStates;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A JSON query ({@code packs} or {@code batch}) or a CSV of packs ({@code Content-Type: text/csv}, optional {@code ?market=}). */
    @Authorised(AccessRule.CASE_WORK)
    @PostMapping
    public ResponseEntity<JsonNode> submit(HttpServletRequest request) throws IOException {
        Principal caller = access.requireRoles(request, Role.CASE_WORK);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            // Asking the servlet for a parameter of such a body would consume it, and the query would read as empty.
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the query as the raw request body, Content-Type application/json "
                    + "or text/csv (curl --data-binary @packs.csv -H 'Content-Type: text/csv'), not as a form");
        }
        String rawMarket = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().getFirst("market");
        String market = rawMarket == null ? null : UriUtils.decode(rawMarket, StandardCharsets.UTF_8);
        long limit = (long) packStates.parser().maxPacks() * BYTES_PER_PACK + 4096;
        if (request.getContentLengthLong() > limit) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the query is larger than " + limit + " bytes (" + packStates.parser().maxPacks()
                    + " packs at most)");
        }
        byte[] bytes = request.getInputStream().readNBytes((int) limit + 1);
        if (bytes.length > limit) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the query is larger than " + limit + " bytes");
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        PackStateQueryStatus status;
        try {
            PackStateQueryRequest query = type.startsWith("text/csv") ? packStates.parser().parseCsv(new StringReader(body), market(market))
                    : packStates.parser().parseJson(body);
            status = packStates.queries().submit(query, caller.actor());
        } catch (PackStateQueryRejectedException e) {
            audit.record(AuditEvent.denied(caller.actor(), "PACK_STATE_QUERY_REFUSED").on("endpoint", request.getRequestURI())
                    .because(cut(e.getMessage())));
            ObjectNode refusal = CanonicalJson.mapper().createObjectNode().put("error", "the query was not accepted");
            e.reasons().forEach(refusal.putArray("reasons")::add);
            return ResponseEntity.badRequest().body(refusal);
        }
        return ResponseEntity.accepted().location(URI.create(self(status.queryId()))).body(view(status));
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public JsonNode latest(@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        ArrayNode list = CanonicalJson.mapper().createArrayNode();
        packStates.queries().latest(limit).forEach(q -> list.add(view(q)));
        return list;
    }

    /** Progress (asked, answered, failed, rate), the count per answer and, when paused, why and until when. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{queryId}")
    public JsonNode status(@PathVariable String queryId, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return view(find(queryId));
    }

    /** The packs in the order asked, {@code limit} (at most 1000) from {@code offset}; {@code answer} is absent until asked. */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{queryId}/results")
    public JsonNode results(@PathVariable String queryId, @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
                            HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        PackStateQueryStatus query = find(queryId);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "offset is 0 or more and limit 1 to " + MAX_PAGE);
        }
        ObjectNode page = CanonicalJson.mapper().createObjectNode().put("queryId", queryId).put("offset", offset).put("total", query.asked());
        ArrayNode rows = page.putArray("packs");
        for (ResultRow row : packStates.queries().page(queryId, offset, limit)) {
            ObjectNode json = rows.addObject();
            List<String> cells = cells(row);
            for (int i = 0; i < CSV_COLUMNS.length; i++) {
                if (cells.get(i) != null) {
                    json.put(CSV_COLUMNS[i], cells.get(i));
                }
            }
        }
        return page;
    }

    /** Every pack of the query as CSV, streamed a page at a time (a batch query may hold a million). */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping(value = "/{queryId}/results.csv", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable String queryId, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        find(queryId);
        StreamingResponseBody body = out -> {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            for (String column : CSV_COLUMNS) {
                schema.addColumn(column);
            }
            try (SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(out)) {
                int offset = 0;
                List<ResultRow> page;
                do {
                    page = packStates.queries().page(queryId, offset, MAX_PAGE);
                    for (ResultRow row : page) {
                        writer.write(cells(row).stream().map(c -> c == null ? "" : ReviewCsv.defused(c)).toList());
                    }
                    offset += MAX_PAGE;
                } while (page.size() == MAX_PAGE);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + queryId + ".csv\"").body(body);
    }

    private PackStateQueryStatus find(String queryId) {
        return packStates.queries().find(queryId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no pack-state query '" + cut(queryId) + "'"));
    }

    private ObjectNode view(PackStateQueryStatus q) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode().put("queryId", q.queryId()).put("scope", q.scope().name());
        putIf(json, "sweep", q.sweep());
        putIf(json, "product", q.product());
        putIf(json, "batchId", q.batchId());
        putIf(json, "market", q.market() == null ? null : q.market().code());
        json.put("requestedBy", q.requestedBy()).put("status", q.state().name());
        json.putObject("progress").put("asked", q.asked()).put("answered", q.answered()).put("failed", q.failed())
                .put("remaining", q.asked() - q.done()).put("packsPerSecond", Math.round(q.packsPerSecond(clock.instant()) * 10) / 10.0);
        ObjectNode summary = json.putObject("summary");
        packStates.queries().counts(q.queryId()).forEach(c -> summary.put(c.answer(), c.packs()));
        putIf(json, "pausedReason", q.pausedReason());
        putIf(json, "resumeAt", q.resumeAt());
        json.put("pauses", q.pauses());
        putIf(json, "createdAt", q.createdAt());
        putIf(json, "startedAt", q.startedAt());
        putIf(json, "completedAt", q.completedAt());
        json.putObject("links").put("self", self(q.queryId())).put("results", self(q.queryId()) + "/results")
                .put("csv", self(q.queryId()) + "/results.csv");
        return json;
    }

    private static List<String> cells(ResultRow r) {
        List<String> cells = new ArrayList<>(CSV_COLUMNS.length);
        cells.add(Integer.toString(r.seq()));
        cells.add(r.query().product().value());
        cells.add(r.query().serial().value());
        cells.add(r.query().market() == null ? null : r.query().market().code());
        cells.add(r.answer());
        cells.add(r.batchId() == null ? null : r.batchId().value());
        cells.add(r.expiry() == null ? null : r.expiry().printed());
        cells.add(r.batchState() == null ? null : r.batchState().name());
        cells.add(r.productState() == null ? null : r.productState().name());
        cells.add(r.stateChangedAt() == null ? null : r.stateChangedAt().toString());
        cells.add(r.decommissionLocation());
        cells.add(r.message());
        cells.add(r.answeredAt() == null ? null : r.answeredAt().toString());
        return cells;
    }

    private static void putIf(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    private static Market market(String market) {
        if (market == null || market.isBlank()) {
            return null;
        }
        try {
            return Market.of(market);
        } catch (InvalidValueException e) {
            throw new PackStateQueryRejectedException("?market=: " + e.getMessage());
        }
    }

    private static String self(String queryId) {
        return "/api/v1/eu-hub/pack-state-queries/" + queryId;
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
