package io.cmohub.coordination.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cmohub.model.AlertSource;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import io.cmohub.coordination.alert.mail.AlertMailRoutes;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The alert-mail channel against GreenMail over IMAP and POP3: a key-value mail, a JSON mail, and a bad mail quarantined with its bytes. */
class AlertMailRoutesTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_POP3_IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@sponsor.test", "alerts", "secret"));

    static final String KEY_VALUES = """
            Dear MAH,

            Alert-Id: IE-MAIL-1
            Alert-Code: A52
            Raised-At: 2025-03-01T10:15:30+00:00
            Market: IE
            Product-Code: 05012345100036
            Serial: Z8V96FJKFU32
            Batch: DC24100
            Expiry: 300331
            Message: Expiry date mismatch reported by the NMVO

            Kind regards, IMVO alert desk
            """;

    @Test
    void imapAlertMailsAreFiledAndABadOneIsQuarantinedWithItsOriginalBytes(@TempDir Path dir) throws Exception {
        run(dir, "imap://127.0.0.1:" + ServerSetupTest.IMAP.getPort());
    }

    @Test
    void pop3WorksTheSameWay(@TempDir Path dir) throws Exception {
        run(dir, "pop3://127.0.0.1:" + ServerSetupTest.POP3.getPort());
    }

    private void run(Path dir, String endpoint) throws Exception {
        DataSource dataSource = TestDatabases.h2(CmoHubSchema::migrate);
        List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
        JdbcAuditTrail audit = new JdbcAuditTrail(dataSource);
        JdbcAlertRegistry registry = new JdbcAlertRegistry(dataSource);
        AlertIntake intake = new AlertIntake(dataSource, registry, (batch, doc) -> published.addAll(batch), audit, Duration.ofHours(1));
        JdbcDocumentRegistry documents = new JdbcDocumentRegistry(dataSource);
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        AlertQuarantine quarantine = new AlertQuarantine(store, documents, audit, 1_000_000);

        GreenMailUtil.sendTextEmail("alerts@sponsor.test", "imvo@nmvo.test", "Alert IE-MAIL-1", KEY_VALUES, ServerSetupTest.SMTP);
        GreenMailUtil.sendTextEmail("alerts@sponsor.test", "imvo@nmvo.test", "Alert JSON",
                "{\"alertId\":\"IE-MAIL-2\",\"code\":\"A3\",\"raisedAt\":\"2025-03-02T08:00:00Z\",\"market\":\"IE\"}", ServerSetupTest.SMTP);
        GreenMailUtil.sendTextEmail("alerts@sponsor.test", "someone@spam.test", "Lunch?", "Shall we meet at noon?", ServerSetupTest.SMTP);
        GreenMailUtil.sendTextEmail("alerts@sponsor.test", "imvo@nmvo.test", "Huge", KEY_VALUES + "x".repeat(200_000), ServerSetupTest.SMTP);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("cmohub.alerts.mail.uri", endpoint + "?username=alerts&password=secret&delete=true&delay=200&initialDelay=0");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.addRoutes(new AlertMailRoutes(intake, quarantine, 100_000));
            camel.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> published.size() == 2 && documents.quarantined(null, 10, 0).size() == 2);
        }
        assertThat(published).extracting(CanonicalEvent::subject).containsExactlyInAnyOrder("IE-MAIL-1", "IE-MAIL-2");
        AlertView first = registry.find("IE-MAIL-1").orElseThrow();
        assertThat(first.alert().source()).isEqualTo(AlertSource.EMAIL);
        assertThat(first.alert().scanned().expiry()).isEqualTo("300331");
        var huge = documents.quarantined(null, 10, 0).stream().filter(d -> d.originalName().startsWith("Huge")).findFirst().orElseThrow();
        assertThat(documents.errors(huge.documentId()).get(0).reason()).contains("larger than 100000 bytes (cmohub.alerts.mail.max-bytes)");
        assertThat(huge.sizeBytes()).as("its first bytes kept").isEqualTo(100_000);
        var bad = documents.quarantined(null, 10, 0).stream().filter(d -> d.originalName().startsWith("Lunch")).findFirst().orElseThrow();
        assertThat(bad.format()).isEqualTo(AlertMailRoutes.FORMAT);
        assertThat(documents.errors(bad.documentId()).get(0).reason()).contains("Alert-Id");
        try (InputStream raw = store.open(bad.documentId())) {
            MimeMessage original = new MimeMessage(null, raw);
            assertThat(original.getSubject()).isEqualTo("Lunch?");
        }
        // all three were handled, the bad one included, so none is read again
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
