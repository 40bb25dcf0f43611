package io.cmohub.coordination.alert.mail;

import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.MalformedAlertException;
import java.io.ByteArrayOutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route {@code cmohub-alert-mail}: alert mails read with camel-mail from the endpoint in the
 * property {@code cmohub.alerts.mail.uri} (IMAP or POP3, e.g.
 * {@code imaps://mail.example:993?username=alerts&password=RAW(...)&delete=false&unseen=true&delay=60000}).
 *
 * <p>A readable mail is filed through {@link AlertIntake}; a mail that is not an alert (wrong format,
 * refused values) is quarantined with its original MIME bytes and the reason, and counts as
 * handled, so it is not read again. A failure of the hub itself (database, broker) fails the
 * exchange: camel-mail then leaves the mail unseen/undeleted and it is read again at the next poll;
 * the intake's idempotence makes that harmless.
 */
public final class AlertMailRoutes extends RouteBuilder {
    public static final String ROUTE_ID = "cmohub-alert-mail";
    public static final String FORMAT = "alert-mail";
    private static final Logger LOG = LoggerFactory.getLogger(AlertMailRoutes.class);

    private final AlertIntake intake;
    private final AlertQuarantine quarantine;

    public AlertMailRoutes(AlertIntake intake, AlertQuarantine quarantine) {
        this.intake = intake;
        this.quarantine = quarantine;
    }

    @Override
    public void configure() {
        from("{{cmohub.alerts.mail.uri}}").routeId(ROUTE_ID).process(this::file);
    }

    private void file(Exchange exchange) throws Exception {
        MailMessage mail = exchange.getIn(MailMessage.class);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.getOriginalMessage().writeTo(raw);
        byte[] bytes = raw.toByteArray();
        String subject = String.valueOf(mail.getOriginalMessage().getSubject());
        try {
            IntakeResult result = intake.receive(AlertMailParser.parse(bytes));
            exchange.getMessage().setBody(result);
            LOG.info("alert mail '{}' filed: {} {}", io.cmohub.routes.store.StoredText.identifier(subject, 200), result.outcome(), result.alertId());
        } catch (MalformedAlertException e) {
            String id = quarantine.quarantine(bytes, FORMAT, "mail", subject + ".eml", e.getMessage());
            LOG.warn("alert mail '{}' quarantined as {}: {}", io.cmohub.routes.store.StoredText.identifier(subject, 200), id, e.getMessage());
            exchange.getMessage().setBody(id);
        }
    }
}
