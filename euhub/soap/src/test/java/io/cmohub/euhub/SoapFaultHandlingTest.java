package io.cmohub.euhub;

import io.cmohub.testsupport.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cmohub.euhub.resilience.CachePolicy;
import io.cmohub.euhub.resilience.CircuitPolicy;
import io.cmohub.euhub.resilience.CircuitState;
import io.cmohub.euhub.resilience.RateLimitPolicy;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.resilience.RetryPolicy;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.model.PackStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CXF client and the resilience decorator against WireMock playing a misbehaving Hub:
 * which failures are retried, how the circuit opens and closes, the rate limit, the cache, and
 * that every failure reaches the caller as a clear, typed error.
 */
class SoapFaultHandlingTest {
    private static final String PATH = "/services/eu-hub/v1";
    private static final PackQuery QUERY = PackQuery.of(SoapFixtures.PRODUCT, SoapFixtures.SERIAL, null);
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50));

    @RegisterExtension
    static WireMockExtension hub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-15T10:00:00Z"));
    private ResilientEuHubGateway gateway;

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private ResilientEuHubGateway.Builder client() {
        SoapEndpointSettings settings = SoapEndpointSettings.plainHttp(URI.create(hub.baseUrl() + PATH))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        return ResilientEuHubGateway.builder(SoapEuHubGateway.connect(settings))
                .retry(FAST_RETRY)
                .cache(CachePolicy.OFF)
                .clock(clock);
    }

    private ResilientEuHubGateway gateway() {
        gateway = client().build();
        return gateway;
    }

    private static void answer(int status, String body) {
        hub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body)));
    }

    private static int requests() {
        return hub.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    /** Answers the listed responses in order, then keeps answering the last. */
    private static void answerInTurn(ResponseStep... steps) {
        String state = Scenario.STARTED;
        for (int i = 0; i < steps.length; i++) {
            String next = i == steps.length - 1 ? state : "step-" + (i + 1);
            hub.stubFor(post(urlEqualTo(PATH)).inScenario("turns").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(steps[i].status()).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(steps[i].body()))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private record ResponseStep(int status, String body) {
    }

    // ---- retries: transient only ----

    @Test
    void http503IsRetriedUntilTheHubAnswers() {
        answerInTurn(new ResponseStep(503, "busy"), new ResponseStep(503, "busy"), new ResponseStep(200, SoapFixtures.packStateResponse()));

        PackStateResult result = gateway().requestPackState(QUERY);

        assertThat(result.state().state()).isEqualTo(PackStatus.ACTIVE);
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aTransientSoapFaultIsRetried() {
        answerInTurn(new ResponseStep(500, SoapFixtures.hubFault("SERVICE_UNAVAILABLE", "TRANSIENT", "maintenance window")),
                new ResponseStep(200, SoapFixtures.packStateResponse()));

        assertThat(gateway().requestPackState(QUERY).found()).isTrue();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void whenEveryAttemptFailsTheCallerLearnsHowOftenAndWhy() {
        answer(503, "busy");

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubTransientException.class)
                .hasMessageContaining("GetPackState failed after 3 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aReadTimeoutIsTransientAndRetried() {
        hub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(SoapFixtures.packStateResponse()).withFixedDelay(2_000)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubTransientException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("no answer within the read timeout of PT0.5S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900 * 3));
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aDroppedConnectionIsTransientAndRetried() {
        hub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubTransientException.class)
                .hasMessageContaining("dropped the connection");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(
                        SoapEndpointSettings.plainHttp(URI.create("http://127.0.0.1:" + closedPort + PATH))))
                .retry(FAST_RETRY).cache(CachePolicy.OFF).build();

        assertThatThrownBy(() -> gateway.requestPackState(QUERY))
                .isInstanceOf(EuHubTransientException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void aBusinessFaultIsAnAnswerAndNeverRetried() {
        answer(500, SoapFixtures.hubFault("UNKNOWN_BATCH", "BUSINESS", "batch NOPE was not uploaded"));

        assertThat(gateway().requestBatchState(ProductCode.of(SoapFixtures.PRODUCT), BatchId.of("NOPE"))).isEmpty();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aRequestFaultIsPermanentWithTheHubsCodeAndReason() {
        answer(500, SoapFixtures.hubFault("NOT_AUTHORISED", "REQUEST", "product not registered for this OBP"));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOfSatisfying(EuHubFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_AUTHORISED");
                    assertThat(e.operation()).isEqualTo(EuHubOperation.GET_PACK_STATE);
                })
                .hasMessageContaining("refused the request: NOT_AUTHORISED (REQUEST): product not registered for this OBP");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aGarbageBodyIsAProtocolErrorAndNotRetried() {
        answer(200, "<html><body>Proxy login required</body></html>");

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubProtocolException.class)
                .hasMessageContaining("EU Hub GetPackState at http://localhost:")
                .hasMessageContaining("not the contract's");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void binaryGarbageIsAProtocolError() {
        hub.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(new byte[] {0, (byte) 0xff, 0x13, 0x37, '<', 0x01})));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY)).isInstanceOf(EuHubProtocolException.class);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anUnexpectedHttpStatusIsPermanent() {
        answer(404, "no such service");

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubProtocolException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aSoapFaultWithoutTheContractsDetailIsAProtocolError() {
        answer(500, SoapFixtures.envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>NullReferenceException</faultstring></soap:Fault>"));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubProtocolException.class)
                .hasMessageContaining("NullReferenceException");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anAnswerForAnotherPackIsRefused() {
        answer(200, SoapFixtures.envelope(SoapFixtures.packStateBody(SoapFixtures.PRODUCT, "OTHERSERIAL1", "ACTIVE", ""))
                .replace("<query><productCode>" + SoapFixtures.PRODUCT + "</productCode><serialNumber>OTHERSERIAL1",
                        "<query><productCode>" + SoapFixtures.PRODUCT + "</productCode><serialNumber>" + SoapFixtures.SERIAL));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubProtocolException.class)
                .hasMessageContaining("answered with pack " + SoapFixtures.PRODUCT + "/OTHERSERIAL1");
    }

    @Test
    void aValueTheModelRefusesIsAProtocolError() {
        // matches the XSD pattern, fails the GS1 check digit
        String badGtin = "05012345100013";
        answer(200, SoapFixtures.packStateResponse().replace("<pack><productCode>" + SoapFixtures.PRODUCT, "<pack><productCode>" + badGtin));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY)).isInstanceOf(EuHubProtocolException.class);
    }

    @Test
    void anAnswerOutsideTheSchemaIsRefused() {
        answer(200, SoapFixtures.packStateResponse(SoapFixtures.SERIAL, "VANISHED"));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY)).isInstanceOf(EuHubProtocolException.class);
    }

    // ---- circuit breaker ----

    @Test
    void theCircuitOpensAfterFailuresRejectsFastThenHalfOpensAndCloses() {
        gateway = client().retry(RetryPolicy.NONE).circuit(new CircuitPolicy(4, 4, 50f, Duration.ofSeconds(30), 2)).build();
        answer(503, "down");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> gateway.requestPackState(QUERY)).isInstanceOf(EuHubTransientException.class);
        }
        assertThat(gateway.circuitState()).isEqualTo(CircuitState.OPEN);

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.requestPackState(QUERY))
                .isInstanceOf(EuHubCircuitOpenException.class)
                .hasMessageContaining("circuit breaker is OPEN")
                .hasMessageContaining("the Hub was not called");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        assertThat(requests()).as("refused without calling the Hub").isEqualTo(4);

        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> gateway.requestPackState(QUERY)).isInstanceOf(EuHubCircuitOpenException.class);

        clock.advance(Duration.ofSeconds(11));
        hub.resetAll();
        answer(200, SoapFixtures.packStateResponse());
        assertThat(gateway.requestPackState(QUERY).found()).isTrue();
        assertThat(gateway.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(gateway.requestPackState(QUERY).found()).isTrue();
        assertThat(gateway.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aFailedTrialCallReopensTheCircuit() {
        gateway = client().retry(RetryPolicy.NONE).circuit(new CircuitPolicy(2, 2, 50f, Duration.ofSeconds(10), 1)).build();
        answer(503, "down");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gateway.requestPackState(QUERY)).isInstanceOf(EuHubTransientException.class);
        }
        clock.advance(Duration.ofSeconds(11));

        assertThatThrownBy(() -> gateway.requestPackState(QUERY)).isInstanceOf(EuHubTransientException.class);

        assertThat(gateway.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void businessFaultsDoNotOpenTheCircuit() {
        gateway = client().retry(RetryPolicy.NONE).circuit(new CircuitPolicy(2, 2, 50f, Duration.ofSeconds(10), 1)).build();
        answer(500, SoapFixtures.hubFault("UNKNOWN_BATCH", "BUSINESS", "no such batch"));

        for (int i = 0; i < 5; i++) {
            assertThat(gateway.requestBatchState(ProductCode.of(SoapFixtures.PRODUCT), BatchId.of("NOPE"))).isEmpty();
        }

        assertThat(gateway.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void retriesStopOnceTheCircuitOpens() {
        gateway = client().retry(new RetryPolicy(5, Duration.ofMillis(5), 1.0, 0.0, Duration.ofMillis(5)))
                .circuit(new CircuitPolicy(2, 2, 50f, Duration.ofSeconds(10), 1)).build();
        answer(503, "down");

        assertThatThrownBy(() -> gateway.requestPackState(QUERY)).isInstanceOf(EuHubCircuitOpenException.class);
        assertThat(requests()).isEqualTo(2);
    }

    // ---- rate limit ----

    @Test
    void theRateLimitRefusesWhenNoPermitFreesUpInTime() {
        gateway = client().rateLimit(new RateLimitPolicy(2, Duration.ofSeconds(30), Duration.ZERO)).build();
        answer(200, SoapFixtures.packStateResponse());

        gateway.requestPackState(QUERY);
        gateway.requestPackState(QUERY);
        assertThatThrownBy(() -> gateway.requestPackState(QUERY))
                .isInstanceOf(EuHubRateLimitedException.class)
                .hasMessageContaining("rate limit of 2 calls per PT30S")
                .hasMessageContaining("the Hub was not called");
        assertThat(requests()).isEqualTo(2);
        assertThat(gateway.circuitState()).as("a local refusal is not a Hub failure").isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void theRateLimitMakesCallersWaitForTheNextPeriod() {
        gateway = client().rateLimit(new RateLimitPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(2))).build();
        answer(200, SoapFixtures.packStateResponse());

        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.requestPackState(QUERY).found()).isTrue();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(requests()).isEqualTo(3);
    }

    // ---- pack-state cache ----

    @Test
    void aFoundPackStateIsServedFromTheCacheWithinItsTtlAndFetchedAgainAfter() {
        gateway = client().cache(new CachePolicy(Duration.ofSeconds(30), 100)).build();
        answer(200, SoapFixtures.packStateResponse());

        PackStateResult first = gateway.requestPackState(QUERY);
        clock.advance(Duration.ofSeconds(29));
        PackStateResult cached = gateway.requestPackState(QUERY);
        assertThat(cached).isSameAs(first);
        assertThat(requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        hub.resetAll();
        answer(200, SoapFixtures.packStateResponse(SoapFixtures.SERIAL, "SUPPLIED"));
        assertThat(gateway.requestPackState(QUERY).state().state()).isEqualTo(PackStatus.SUPPLIED);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anUnknownSerialIsNotCached() {
        gateway = client().cache(new CachePolicy(Duration.ofSeconds(30), 100)).build();
        PackQuery unknown = PackQuery.of(SoapFixtures.PRODUCT, "NOTYET1", null);
        answer(200, SoapFixtures.unknownSerialResponse("NOTYET1"));

        gateway.requestPackState(unknown);
        gateway.requestPackState(unknown);

        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void bulkRequestsAskTheHubOnlyForPacksNotInTheCache() {
        gateway = client().cache(new CachePolicy(Duration.ofSeconds(30), 100)).build();
        answer(200, SoapFixtures.packStateResponse());
        PackStateResult cached = gateway.requestPackState(QUERY);
        hub.resetAll();
        PackQuery other = PackQuery.of(SoapFixtures.PRODUCT, "OTHERSERIAL1", null);
        answer(200, SoapFixtures.envelope("<PackStatesResponse xmlns=\"" + SoapFixtures.NS + "\"><result>"
                + "<query><productCode>" + SoapFixtures.PRODUCT + "</productCode><serialNumber>OTHERSERIAL1</serialNumber></query>"
                + "<outcome>UNKNOWN_SERIAL</outcome></result><reportedAt>" + SoapFixtures.REPORTED_AT + "</reportedAt></PackStatesResponse>"));

        List<PackStateResult> results = gateway.requestPackStates(List.of(QUERY, other));

        assertThat(results.get(0)).isSameAs(cached);
        assertThat(results.get(1).outcome()).isEqualTo(PackOutcome.UNKNOWN_SERIAL);
        assertThat(requests()).isEqualTo(1);
        hub.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.notContaining(SoapFixtures.SERIAL)));
    }

    // ---- hardening ----

    @Test
    void anAnswerWithAnExternalEntityIsRefusedAndTheFileIsNotRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-KEY-MATERIAL");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + SoapFixtures.envelope(SoapFixtures.packStateBody(SoapFixtures.PRODUCT, SoapFixtures.SERIAL, "ACTIVE",
                "<decommissionLocation>&xxe;</decommissionLocation>")).replaceFirst("<\\?xml[^>]*\\?>", "");
        answer(200, body);

        assertThatThrownBy(() -> gateway().requestPackState(QUERY))
                .isInstanceOf(EuHubProtocolException.class)
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("TOP-SECRET"));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String lol = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        answer(200, lol + SoapFixtures.envelope(SoapFixtures.packStateBody(SoapFixtures.PRODUCT, SoapFixtures.SERIAL, "ACTIVE",
                "<decommissionLocation>&d;</decommissionLocation>")).replaceFirst("<\\?xml[^>]*\\?>", ""));

        assertThatThrownBy(() -> gateway().requestPackState(QUERY)).isInstanceOf(EuHubProtocolException.class);
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
