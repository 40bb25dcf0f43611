package io.cmohub.gateway.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import io.cmohub.routes.templates.CmoHubSchema;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The demo partner next to the partners the starter seeds from cmohub.partners. */
class StartupTasksTest {
    private JdbcDataSource dataSource;
    private JdbcPartnerDirectory partners;
    private final CmoHubProperties gateway = new CmoHubProperties();
    private final io.cmohub.spring.boot.CmoHubProperties hub = new io.cmohub.spring.boot.CmoHubProperties();

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        CmoHubSchema.migrate(dataSource);
        partners = new JdbcPartnerDirectory(dataSource);
    }

    private static final EmbeddedDefault H2 = new EmbeddedDefault("jdbc:h2:file:./data/db/cmohub", false);

    private void run() {
        run(H2);
    }

    private void run(EmbeddedDefault installation) {
        new StartupTasks(gateway, hub, partners, new JdbcDocumentRegistry(dataSource), new JdbcAuditTrail(dataSource), new StartupTasks.Dispatcher(null),
                installation).run(new DefaultApplicationArguments());
    }

    @Test
    void seedsTheDemoPartnerWithItsKey() {
        run();
        PartnerProfile demo = partners.find(PartnerId.of("acme-cmo")).orElseThrow();
        assertThat(demo.enabled()).isTrue();
        assertThat(demo.formats()).extracting(PartnerProfile.PartnerFormat::formatId).containsExactlyInAnyOrder("csv-batch-record", "canonical-json");
        assertThat(partners.authenticateApiKey("acme-demo-key")).contains(PartnerId.of("acme-cmo"));
    }

    @Test
    void aConfiguredPartnerWithTheDemoIdWinsAndDoesNotGetTheDemoKey() {
        io.cmohub.spring.boot.CmoHubProperties.Partner configured = new io.cmohub.spring.boot.CmoHubProperties.Partner();
        configured.setId("acme-cmo");
        hub.setPartners(List.of(configured));
        // as the starter seeds it when it builds the pipeline
        partners.save(new PartnerProfile(PartnerId.of("acme-cmo"), "ACME production", true, Set.of(ProductCode.of("04012345000023")), Set.of(),
                List.of()), null, null);
        run();
        assertThat(partners.find(PartnerId.of("acme-cmo")).orElseThrow().name()).isEqualTo("ACME production");
        assertThat(partners.authenticateApiKey("acme-demo-key")).isEmpty();
        run(new EmbeddedDefault("jdbc:postgresql://db.example/cmohub", false));
        assertThat(partners.find(PartnerId.of("acme-cmo")).orElseThrow().enabled()).as("not disabled as if it were the demo").isTrue();
    }

    @Test
    void theDemoKeyIsNeverSeededOnPostgresqlOrBehindTlsAndAskingForItThereStopsTheStart() {
        run(new EmbeddedDefault("jdbc:postgresql://db.example:5432/cmohub", false));
        assertThat(partners.find(PartnerId.of("acme-cmo"))).isEmpty();
        run(new EmbeddedDefault("jdbc:h2:file:./data/db/cmohub", true));
        assertThat(partners.authenticateApiKey("acme-demo-key")).isEmpty();

        gateway.getDemo().setEnabled(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(new EmbeddedDefault("jdbc:postgresql://u:pw@db.example/cmohub", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the embedded default (PostgreSQL, plain HTTP)")
                .hasMessageNotContaining("pw");
    }

    @Test
    void aDemoSeededOnTheEmbeddedDefaultIsDisabledWhenTheSameDatabaseIsServedOverTls() {
        run();
        run(new EmbeddedDefault("jdbc:h2:file:./data/db/cmohub", true));
        assertThat(partners.authenticateApiKey("acme-demo-key")).isEmpty();
    }

    @Test
    void turningTheDemoOffDisablesTheSeededOne() {
        run();
        gateway.getDemo().setEnabled(false);
        run();
        assertThat(partners.find(PartnerId.of("acme-cmo")).orElseThrow().enabled()).isFalse();
    }
}
