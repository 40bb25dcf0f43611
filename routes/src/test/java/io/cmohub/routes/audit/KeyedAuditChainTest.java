package io.cmohub.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.routes.HubDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on the audit chain by someone who can write its tables: cut the tail and reset the head,
 * or rewrite rows and recompute their hashes. Unkeyed, both go unnoticed (why the gateway keys the
 * chain); keyed and anchored, each is found.
 */
class KeyedAuditChainTest {
    @TempDir
    Path dir;
    private DataSource dataSource;
    private AuditKeyring keys;

    @BeforeEach
    void database() throws Exception {
        dataSource = HubDatabases.h2();
        keys = AuditKeyring.of(AuditKey.loadOrCreate(dir.resolve("audit-key")));
    }

    private void write(AuditTrail trail, int rows) {
        for (int i = 0; i < rows; i++) {
            trail.record(AuditEvent.success("qa.jane", "CLOSE_CASE").on("case", "C-" + i).because("root cause found"));
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Cut rows 4 and 5 and point the head at row 3, with the hash row 3 has: consistent, unless something outside the database knows better. */
    private void cutTail() throws Exception {
        sql("DELETE FROM audit_event WHERE seq > 3", "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_event WHERE seq = 3) WHERE id = 1");
    }

    @Test
    void anUnkeyedChainCannotSeeATailCutTogetherWithItsHead() throws Exception {
        JdbcAuditTrail plain = new JdbcAuditTrail(dataSource);
        write(plain, 5);
        cutTail();
        assertThat(plain.verify().valid()).as("the weakness the key and the anchor close").isTrue();
    }

    @Test
    void aTailCutTogetherWithItsHeadIsFoundAgainstTheAnchor() throws Exception {
        JdbcAuditTrail trail = new JdbcAuditTrail(dataSource, keys, new AuditAnchor(dir.resolve("audit-anchor"), keys));
        for (int i = 0; i < 5; i++) {
            write(trail, 1);
            trail.anchorHead(); // one checkpoint per row: the last line of the file is the one that counts
        }
        trail.anchorHead(); // an unchanged head writes no second line
        assertThat(Files.readAllLines(dir.resolve("audit-anchor"))).hasSize(5);
        assertThat(trail.verify().valid()).isTrue();
        cutTail();
        AuditVerification result = trail.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("the chain ends at row 3 but the audit anchor recorded 5 rows").contains("cut off the end");
    }

    @Test
    void rowsRewrittenWithRecomputedPlainHashesAreFoundBecauseTheKeyIsMissing() throws Exception {
        JdbcAuditTrail trail = new JdbcAuditTrail(dataSource, keys, null);
        write(trail, 3);
        // The attacker rewrites row 2's reason and re-chains rows 2..3 with SHA-256, marking them unkeyed.
        JdbcAuditTrail plainForger = new JdbcAuditTrail(dataSource);
        sql("UPDATE audit_event SET reason = 'no issue', key_id = NULL WHERE seq >= 2");
        AuditVerification result = trail.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(2);
        assertThat(result.problem()).contains("row 2 is not sealed although row 1");
        assertThat(plainForger.verify().valid()).as("without the key the forger cannot even make it look unkeyed-valid").isFalse();
    }

    @Test
    void anAnchorEditedToMatchATamperedChainIsNotTrusted() throws Exception {
        JdbcAuditTrail trail = new JdbcAuditTrail(dataSource, keys, new AuditAnchor(dir.resolve("audit-anchor"), keys));
        write(trail, 2);
        trail.anchorHead();
        Files.writeString(dir.resolve("audit-anchor"), "9" + Files.readString(dir.resolve("audit-anchor")).substring(1));
        assertThat(trail.verify().problem()).contains("the audit anchor cannot be trusted");
    }

    @Test
    void afterARotationTheRowsSealedWithThePreviousKeyStillVerify() throws Exception {
        write(new JdbcAuditTrail(dataSource, keys, null), 2);
        AuditKey next = AuditKey.loadOrCreate(dir.resolve("audit-key-2026"));
        JdbcAuditTrail rotated = new JdbcAuditTrail(dataSource, new AuditKeyring(next, List.of(keys.current())), null);
        write(rotated, 2);
        assertThat(rotated.verify().valid()).isTrue();
        AuditVerification withoutOld = new JdbcAuditTrail(dataSource, AuditKeyring.of(next), null).verify();
        assertThat(withoutOld.valid()).isFalse();
        assertThat(withoutOld.problem()).contains("row 1 is sealed with audit key " + keys.current().id() + ", which is not configured");
        // a set: its printed order changes from run to run
        assertThat(Files.getPosixFilePermissions(dir.resolve("audit-key-2026")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
