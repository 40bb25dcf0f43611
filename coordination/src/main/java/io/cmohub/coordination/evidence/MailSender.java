package io.cmohub.coordination.evidence;

/** Sends one plain-text e-mail. The host binds it to its mail transport (see {@link CamelMailSender}). */
@FunctionalInterface
public interface MailSender {
    /** @param messageId stable per notice, so a re-sent mail can be recognised by the receiver */
    void send(String to, String subject, String text, String messageId) throws Exception;
}
