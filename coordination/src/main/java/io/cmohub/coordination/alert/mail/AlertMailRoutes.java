package io.cmohub.coordination.alert.mail;

import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.MalformedAlertException;
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

    /** An alert notification is a few kilobytes; a mail over this is quarantined (its first bytes kept), never parsed. */
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    private final int maxBytes;

    public AlertMailRoutes(AlertIntake intake, AlertQuarantine quarantine) {
        this(intake, quarantine, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest mail (as sent, headers and attachments included) that is read as an alert */
    public AlertMailRoutes(AlertIntake intake, AlertQuarantine quarantine, int maxBytes) {
        this.intake = intake;
        this.quarantine = quarantine;
        this.maxBytes = maxBytes;
    }

    @Override
    public void configure() {
        from("{{cmohub.alerts.mail.uri}}").routeId(ROUTE_ID).process(this::file);
    }

    private void file(Exchange exchange) throws Exception {
        MailMessage mail = exchange.getIn(MailMessage.class);
        String subject = String.valueOf(mail.getOriginalMessage().getSubject());
        BoundedBytes raw = new BoundedBytes(maxBytes);
        try {
            mail.getOriginalMessage().writeTo(raw);
        } catch (BoundedBytes.Exceeded e) {
            String id = quarantine.quarantine(raw.toByteArray(), FORMAT, "mail", subject + ".eml", "the mail is larger than " + maxBytes
                    + " bytes (cmohub.alerts.mail.max-bytes); only its first " + maxBytes + " bytes are kept, it was not read as an alert");
            LOG.warn("alert mail '{}' too large, quarantined as {}", io.cmohub.routes.store.StoredText.identifier(subject, 200), id);
            exchange.getMessage().setBody(id);
            return;
        }
        byte[] bytes = raw.toByteArray();
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
