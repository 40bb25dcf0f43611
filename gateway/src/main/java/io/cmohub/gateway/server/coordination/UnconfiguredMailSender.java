package io.cmohub.gateway.server.coordination;

import io.cmohub.coordination.evidence.MailSender;

/**
 * Stands in for the mail transport while {@code cmohub.coordination.mail.uri} is unset: every e-mail
 * notice fails with the reason, so the outbox retries it and finally marks it FAILED (audited),
 * visible to an operator, instead of being dropped silently.
 */
public final class UnconfiguredMailSender implements MailSender {
    @Override
    public void send(String to, String subject, String text, String messageId) {
        throw new IllegalStateException("no mail transport configured (cmohub.coordination.mail.uri); e-mail to " + to + " not sent");
    }
}
