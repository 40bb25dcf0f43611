package io.cmohub.coordination.evidence;

import java.util.Map;
import java.util.Objects;
import org.apache.camel.ProducerTemplate;

/**
 * Sends mail through a Camel endpoint, e.g. {@code smtps://mail.example.com:465?username=...}.
 * cmo-hub's routes module does not depend on camel-mail: the host that wants e-mail adds it (it
 * resolves at the Camel version in use) and configures the endpoint, so library users without
 * mail carry no mail stack.
 */
public final class CamelMailSender implements MailSender {
    private final ProducerTemplate producer;
    private final String endpointUri;
    private final String from;

    public CamelMailSender(ProducerTemplate producer, String endpointUri, String from) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.endpointUri = Objects.requireNonNull(endpointUri, "endpointUri");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void send(String to, String subject, String text, String messageId) {
        producer.sendBodyAndHeaders(endpointUri, text, Map.of("To", to, "From", from, "Subject", subject, "Message-ID",
                "<" + messageId + "@cmohub>", "Content-Type", "text/plain; charset=UTF-8"));
    }
}
