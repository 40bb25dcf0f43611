package io.cmohub.coordination.evidence;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.routes.outbound.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts a notice as JSON to the CMO's webhook, signed like every cmo-hub webhook
 * ({@link WebhookSignature}: {@code X-CmoHub-Signature} over {@code <timestamp>.<body>}), with
 * {@code X-CmoHub-Delivery} = the notice id for the receiver's deduplication. 2xx is delivered;
 * 408, 425, 429 and 5xx and network failures are retried; any other status is a permanent refusal.
 * Redirects are not followed: a signed body must not be replayed to wherever a 3xx points.
 */
public final class WebhookEvidenceDispatcher implements EvidenceDispatcher {
    public static final String DELIVERY_HEADER = "X-CmoHub-Delivery";
    public static final String KIND_HEADER = "X-CmoHub-Notice";

    private final HttpClient http;
    private final SecretResolver secrets;
    private final Clock clock;
    private final Duration timeout;
    private final ObjectWriter json = CanonicalJson.mapper().writer();

    public WebhookEvidenceDispatcher(SecretResolver secrets, Clock clock, Duration connectTimeout, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build(), secrets, clock, timeout);
    }

    public WebhookEvidenceDispatcher(HttpClient http, SecretResolver secrets, Clock clock, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public ChannelType channelType() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String deliver(Notice notice, Channel channel) throws DeliveryException {
        String secret = secrets.secret(channel.secretRef())
                .orElseThrow(() -> new DeliveryException("no secret is configured for secretRef '" + channel.secretRef() + "'", true, null));
        byte[] body;
        try {
            body = json.writeValueAsBytes(notice);
        } catch (IOException e) {
            throw new DeliveryException("could not write notice " + notice.noticeId() + " as JSON: " + e.getMessage(), true, e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.address()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                .header(DELIVERY_HEADER, notice.noticeId())
                .header(KIND_HEADER, notice.kind().name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("webhook " + host(channel) + " gave no answer within " + timeout, false, e);
        } catch (IOException e) {
            throw new DeliveryException("webhook " + host(channel) + " could not be reached: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling webhook " + host(channel), false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return "HTTP " + status;
        }
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        throw new DeliveryException("webhook " + host(channel) + " answered HTTP " + status, !transientStatus, null);
    }

    /** Only the host goes into messages and the audit trail; paths may carry tokens. */
    private static String host(Channel channel) {
        URI uri = URI.create(channel.address());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
