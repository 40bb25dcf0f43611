package io.cmohub.coordination.registry;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The read side of the batch registry: what attribution, reconciliation and the batch views ask of it
 * (a batch with its runs, serial count and Hub upload status; which batches hold a serial; which CMOs
 * make a product). {@link BatchRegistry} adds the writes; a component that only reads takes this type.
 */
public class RegisteredBatches {
    final DataSource dataSource;

    public RegisteredBatches(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public Optional<RegisteredBatch> find(ProductCode product, BatchId batchId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, product, batchId);
        } catch (SQLException e) {
            throw new StoreException("could not read batch " + product + "/" + batchId, e);
        }
    }

    /** Batches (of this product) under which the CMOs commissioned this serial: more than one is a duplicate identifier. */
    public List<BatchId> batchesHoldingSerial(ProductCode product, SerialNumber serial) {
        List<BatchId> batches = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT batch_id FROM coordination_serial WHERE product_code = ? AND serial = ? ORDER BY batch_id")) {
            bindAll(s, product.value(), serial.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batches.add(BatchId.of(rs.getString(1)));
                }
            }
            return batches;
        } catch (SQLException e) {
            throw new StoreException("could not look up serial " + product + "/" + serial, e);
        }
    }

    /** CMOs that make this product: registered batches and the partner registry's product authorisations. */
    public Set<PartnerId> partnersMaking(ProductCode product) {
        Set<PartnerId> partners = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT partner_id FROM coordination_batch WHERE product_code = ? "
                     + "UNION SELECT partner_id FROM partner_product WHERE product_code = ?")) {
            bindAll(s, product.value(), product.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    partners.add(PartnerId.of(rs.getString(1)));
                }
            }
            return partners;
        } catch (SQLException e) {
            throw new StoreException("could not look up the CMOs of product " + product, e);
        }
    }

    /** Batches a CMO made, newest first (by last change). */
    public List<RegisteredBatch> batchesOf(PartnerId partner) {
        List<RegisteredBatch> batches = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> keys = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT product_code, batch_id FROM coordination_batch WHERE partner_id = ? ORDER BY updated_at DESC, batch_id")) {
                bindAll(s, partner.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] key : keys) {
                find(c, ProductCode.of(key[0]), BatchId.of(key[1])).ifPresent(batches::add);
            }
            return batches;
        } catch (SQLException e) {
            throw new StoreException("could not list the batches of " + partner, e);
        }
    }

    static Optional<RegisteredBatch> find(Connection c, ProductCode product, BatchId batchId) throws SQLException {
        RegisteredBatch found = null;
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_batch WHERE product_code = ? AND batch_id = ?")) {
            bindAll(s, product.value(), batchId.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String status = rs.getString("batch_status");
                String expiry = rs.getString("expiry_printed");
                String hubExpiry = rs.getString("hub_expiry_printed");
                HubUpload hub = new HubUpload(HubUploadStatus.valueOf(rs.getString("hub_upload_status")), SqlValues.longOrNull(rs, "hub_uploaded_serials"),
                        hubExpiry == null ? null : Expiry.parse(hubExpiry), Set.copyOf(parseMarkets(rs.getString("hub_markets"))),
                        SqlValues.instant(rs, "hub_checked_at"), rs.getString("hub_detail"));
                String site = rs.getString("site_id");
                found = new RegisteredBatch(product, batchId, PartnerId.of(rs.getString("partner_id")), site == null ? null : SiteId.of(site),
                        status == null ? null : BatchStatus.valueOf(status), expiry == null ? null : Expiry.parse(expiry),
                        parseMarkets(rs.getString("markets")), SqlValues.date(rs, "released_on"), List.of(), rs.getLong("commissioned_serials"), hub);
            }
        }
        List<PackagingRecord> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT partner_id, run_id FROM coordination_packaging_run WHERE product_code = ? AND batch_id = ? "
                + "ORDER BY started_at, run_id")) {
            bindAll(s, product.value(), batchId.value());
            List<String[]> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] key : keys) {
                run(c, PartnerId.of(key[0]), key[1]).ifPresent(runs::add);
            }
        }
        return Optional.of(new RegisteredBatch(found.product(), found.batchId(), found.partner(), found.site(), found.status(), found.expiry(),
                found.markets(), found.releasedOn(), runs, found.commissionedSerials(), found.hub()));
    }

    static Optional<PackagingRecord> run(Connection c, PartnerId partner, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coordination_packaging_run WHERE partner_id = ? AND run_id = ?")) {
            bindAll(s, partner.value(), runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String site = rs.getString("site_id");
                String printedBatch = rs.getString("printed_batch_id");
                String printedExpiry = rs.getString("printed_expiry");
                return Optional.of(new PackagingRecord(partner, runId, ProductCode.of(rs.getString("product_code")), BatchId.of(rs.getString("batch_id")),
                        site == null ? null : SiteId.of(site), LineId.of(rs.getString("line_id")), printedBatch == null ? null : BatchId.of(printedBatch),
                        printedExpiry == null ? null : Expiry.parse(printedExpiry), rs.getString("artwork_version"),
                        SqlValues.booleanOrNull(rs, "line_clearance_passed"), rs.getString("line_clearance_ref"), SqlValues.instant(rs, "started_at"),
                        SqlValues.instant(rs, "finished_at"), SqlValues.longOrNull(rs, "commissioned_reported")));
            }
        }
    }

    static List<Market> parseMarkets(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Market::of).toList();
    }

    /** The commissioned count the registry believes: serials seen in events, else what the runs reported. */
    public static long commissioned(RegisteredBatch batch) {
        if (batch.commissionedSerials() > 0) {
            return batch.commissionedSerials();
        }
        return batch.commissionedReported().orElse(0);
    }
}
