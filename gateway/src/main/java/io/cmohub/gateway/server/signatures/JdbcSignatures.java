package io.cmohub.gateway.server.signatures;

import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The signatures in {@code e_signature}. A signature is made for one record and one meaning, and applied
 * once by the action it was made for ({@link #apply}); both steps are audit rows, so the chain links the
 * signature to the signed record and neither can be removed without breaking it.
 */
public class JdbcSignatures {
    private static final String COLUMNS = "signature_id, signer, printed_name, meaning, record_type, record_id, signed_at, expires_at, applied_at,"
            + " voided_at, void_reason";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Duration validity;

    public JdbcSignatures(DataSource dataSource, AuditTrail audit, Duration validity) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.validity = validity;
    }

    /** Records a signature the caller just made by re-entering the password (checked by the caller). */
    public ElectronicSignature sign(String signer, String printedName, SignatureMeaning meaning, String recordType, String recordId) {
        Instant now = JdbcTime.now().truncatedTo(ChronoUnit.MILLIS);
        ElectronicSignature signature = new ElectronicSignature(UUID.randomUUID().toString(), signer, printedName, meaning, recordType, recordId,
                now, now.plus(validity), null, null, null);
        JdbcTransaction.run(dataSource, "could not record a signature of " + signer, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO e_signature (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")) {
                s.setString(1, signature.signatureId());
                s.setString(2, signer);
                s.setString(3, printedName);
                s.setString(4, meaning.name());
                s.setString(5, recordType);
                s.setString(6, recordId);
                s.setObject(7, JdbcTime.toDb(now));
                s.setObject(8, JdbcTime.toDb(signature.expiresAt()));
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success(PersonAccount.actorOf(signer, printedName), "E_SIGNATURE").on(recordType, recordId).because(signature.manifestation())
                    .details("signature=" + signature.signatureId() + " meaning=" + meaning.name()));
        });
        return signature;
    }

    /**
     * Spends {@code signatureId} on the action it was made for: the same signer, record and meaning, not yet
     * applied and not expired. Anything else is refused saying which of these it is.
     */
    public ElectronicSignature apply(String signatureId, String signer, SignatureMeaning meaning, String recordType, String recordId) {
        ElectronicSignature signature = check(signatureId, signer, meaning, recordType, recordId);
        Instant now = JdbcTime.now();
        boolean[] applied = {false};
        JdbcTransaction.run(dataSource, "could not apply signature " + signatureId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE e_signature SET applied_at = ? WHERE signature_id = ? AND applied_at IS NULL")) {
                s.setObject(1, JdbcTime.toDb(now));
                s.setString(2, signatureId);
                applied[0] = s.executeUpdate() == 1;
            }
            if (applied[0]) {
                audit.record(c, AuditEvent.success(PersonAccount.actorOf(signer, signature.printedName()), "E_SIGNATURE_APPLIED").on(recordType, recordId)
                        .because(signature.manifestation()).details("signature=" + signatureId));
            }
        });
        if (!applied[0]) {
            throw new SignatureRefusedException("signature " + signatureId + " was used by a concurrent request; sign again");
        }
        return find(signatureId).orElseThrow();
    }

    /**
     * Spends the signature on {@code action} and carries it out. The spend comes first, so two requests with
     * one signature never both act; if the action then fails, the signature is voided (audited with the
     * failure) rather than left applied to a record that did not change, and the failure is rethrown.
     */
    public <T> T spend(String signatureId, String signer, SignatureMeaning meaning, String recordType, String recordId,
                       Function<ElectronicSignature, T> action) {
        ElectronicSignature signature = apply(signatureId, signer, meaning, recordType, recordId);
        try {
            return action.apply(signature);
        } catch (RuntimeException e) {
            voidAfterFailure(signature, e);
            throw e;
        }
    }

    private void voidAfterFailure(ElectronicSignature signature, RuntimeException failure) {
        String reason = "the signed action failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        String bounded = reason.length() > 400 ? reason.substring(0, 400) : reason;
        try {
            JdbcTransaction.run(dataSource, "could not void signature " + signature.signatureId(), c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE e_signature SET voided_at = ?, void_reason = ? WHERE signature_id = ?")) {
                    s.setObject(1, JdbcTime.toDb(JdbcTime.now()));
                    s.setString(2, bounded);
                    s.setString(3, signature.signatureId());
                    s.executeUpdate();
                }
                audit.record(c, AuditEvent.failure(PersonAccount.actorOf(signature.signer(), signature.printedName()), "E_SIGNATURE_VOIDED")
                        .on(signature.recordType(), signature.recordId()).because(bounded).details("signature=" + signature.signatureId()));
            });
        } catch (RuntimeException voidFailed) {
            failure.addSuppressed(voidFailed);
        }
    }

    /** The signature if {@link #apply} would accept it now, without spending it; else the refusal saying why. */
    public ElectronicSignature check(String signatureId, String signer, SignatureMeaning meaning, String recordType, String recordId) {
        Instant now = JdbcTime.now();
        ElectronicSignature signature = find(signatureId)
                .orElseThrow(() -> new SignatureRefusedException("no signature " + signatureId));
        if (!signature.signer().equals(signer)) {
            throw new SignatureRefusedException("signature " + signatureId + " is " + signature.signer() + "'s; only the signer can use it");
        }
        if (!signature.recordType().equals(recordType) || !signature.recordId().equals(recordId)) {
            throw new SignatureRefusedException("signature " + signatureId + " was made for " + signature.recordType() + " " + signature.recordId()
                    + "; it cannot be used for " + recordType + " " + recordId);
        }
        if (signature.meaning() != meaning) {
            throw new SignatureRefusedException("signature " + signatureId + " means \"" + signature.meaning().text() + "\"; this action needs \""
                    + meaning.text() + "\"");
        }
        if (signature.voidedAt() != null) {
            throw new SignatureRefusedException("signature " + signatureId + " was voided at " + signature.voidedAt() + " (" + signature.voidReason()
                    + "); sign again");
        }
        if (signature.appliedAt() != null) {
            throw new SignatureRefusedException("signature " + signatureId + " was already used at " + signature.appliedAt() + "; sign again");
        }
        if (!signature.expiresAt().isAfter(now)) {
            throw new SignatureRefusedException("signature " + signatureId + " expired at " + signature.expiresAt() + "; sign again");
        }
        return signature;
    }

    public Optional<ElectronicSignature> find(String signatureId) {
        return query("SELECT " + COLUMNS + " FROM e_signature WHERE signature_id = ?", signatureId).stream().findFirst();
    }

    /** The applied signatures of a record, oldest first: what is shown with it. */
    public List<ElectronicSignature> ofRecord(String recordType, String recordId) {
        return query("SELECT " + COLUMNS + " FROM e_signature WHERE record_type = ? AND record_id = ? AND applied_at IS NOT NULL AND voided_at IS NULL"
                + " ORDER BY signed_at",
                recordType, recordId);
    }

    private List<ElectronicSignature> query(String sql, String... parameters) {
        List<ElectronicSignature> signatures = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime applied = rs.getObject(9, OffsetDateTime.class);
                    OffsetDateTime voided = rs.getObject(10, OffsetDateTime.class);
                    signatures.add(new ElectronicSignature(rs.getString(1), rs.getString(2), rs.getString(3), SignatureMeaning.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), JdbcTime.fromDb(rs.getObject(7, OffsetDateTime.class)),
                            JdbcTime.fromDb(rs.getObject(8, OffsetDateTime.class)), applied == null ? null : JdbcTime.fromDb(applied),
                            voided == null ? null : JdbcTime.fromDb(voided), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read signatures", e);
        }
        return signatures;
    }
}
