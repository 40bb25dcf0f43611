package io.cmohub.coordination.cases;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import io.cmohub.coordination.evidence.Party;
import io.cmohub.coordination.reconcile.Reconciliation;
import io.cmohub.model.Alert;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read side of alert coordination: cases, their reconciliation, timeline, evidence requests and
 * answers as the REST views (and a CMO's portal) show them. Reads committed state only; changes go
 * through {@link CaseCoordinator}.
 */
public final class CaseViews {
    private final javax.sql.DataSource dataSource;

    public CaseViews(javax.sql.DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public Optional<InvestigationCase> find(String caseId) {
        return read("could not read case " + caseId, c -> CaseStore.load(c, caseId));
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
        return read("could not list cases", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setMaxRows(Math.max(1, limit));
                bindAll(s, params.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<InvestigationCase> found = new ArrayList<>();
            for (String id : ids) {
                CaseStore.load(c, id).ifPresent(found::add);
            }
            return found;
        });
    }

    /** Cases of one batch that are not closed, oldest first (the batch view; at most 100). */
    public List<InvestigationCase> openCasesOf(ProductCode product, BatchId batch) {
        return read("could not list the open cases of " + product + "/" + batch, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT case_id FROM coordination_case WHERE product_code = ? AND batch_id = ? "
                    + "AND status <> 'CLOSED' ORDER BY opened_at, case_id")) {
                s.setMaxRows(100);
                bindAll(s, product.value(), batch.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<InvestigationCase> found = new ArrayList<>();
            for (String id : ids) {
                CaseStore.load(c, id).ifPresent(found::add);
            }
            return found;
        });
    }

    public Optional<Reconciliation> reconciliation(String caseId) {
        return read("could not read the reconciliation of case " + caseId, c -> CaseStore.reconciliation(c, caseId));
    }

    public List<TimelineEntry> timeline(String caseId) {
        return read("could not read the timeline of case " + caseId, c -> {
            List<TimelineEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, party, actor, action, detail FROM coordination_timeline WHERE case_id = ? ORDER BY seq")) {
                bindAll(s, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new TimelineEntry(caseId, rs.getInt(1), SqlValues.instant(rs, "at"), Party.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return entries;
        });
    }

    public List<EvidenceRequest> requests(String caseId) {
        return read("could not read evidence requests", c -> EvidenceRequestStore.ofCase(c, caseId)).stream().map(RequestRow::canonical).toList();
    }

    /** A CMO's requests that still wait for evidence (the portal view). */
    public List<EvidenceRequest> openRequestsOf(PartnerId partner) {
        return read("could not read evidence requests", c -> EvidenceRequestStore.openOfPartner(c, partner)).stream().map(RequestRow::canonical).toList();
    }

    /** A CMO's requests it has answered (or the sponsor closed), most recent first: what the portal shows as sent. */
    public List<EvidenceRequest> settledRequestsOf(PartnerId partner, int limit) {
        return read("could not read evidence requests", c -> EvidenceRequestStore.settledOfPartner(c, partner, limit)).stream()
                .map(RequestRow::canonical).toList();
    }

    /** A work list of cases (the console's board), in one query. */
    public List<CaseSummary> board(CaseBoardQuery query) {
        return read("could not read the cases board", query::run);
    }

    public Optional<EvidenceRequest> request(String requestId) {
        return requestRow(requestId).map(RequestRow::canonical);
    }

    public List<StoredAnswer> answers(String requestId) {
        return read("could not read the answers to " + requestId, c -> EvidenceRequestStore.answers(c, requestId));
    }

    Optional<RequestRow> requestRow(String requestId) {
        return read("could not read evidence requests", c -> EvidenceRequestStore.row(c, requestId));
    }

    Optional<String> caseOfAlert(String alertId) {
        return read("could not read the case store", c -> CaseStore.caseOfAlert(c, alertId));
    }

    Optional<String> openCaseOfGroup(String groupKey) {
        return read("could not read the case store", c -> CaseStore.openCaseOfGroup(c, groupKey));
    }

    Alert firstAlert(String caseId) {
        return read("could not read the alerts of case " + caseId, c -> CaseStore.firstAlert(c, caseId));
    }

    private interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(String failure, Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.apply(c);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }
}
