package dev.workspace.mfa.core.delivery;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSmsGatewayTest {

    private static final String PATH = "/v1/sms";
    private static final OutgoingMessage CODE = OutgoingMessage.sms("+4915123456789",
            "Your code: 123456 \"Workspace\" \\ ü\nDo not share it.");

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HttpSmsGateway client(Optional<String> token) {
        return new HttpSmsGateway(new SmsGatewaySettings(URI.create(gateway.baseUrl() + PATH), token));
    }

    private void answer(int status) {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
    }

    @Test
    void postsRecipientAndTextAsJsonWithTheBearerToken() {
        answer(202);

        client(Optional.of("s3cret-token")).send(CODE);

        gateway.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer s3cret-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"to": "+4915123456789", "text": "Your code: 123456 \\"Workspace\\" \\\\ ü\\nDo not share it."}
                        """)));
    }

    @Test
    void withoutTokenNoAuthorizationHeader() {
        answer(200);

        client(Optional.empty()).send(CODE);

        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void aBusyGatewayIsTriedAgain() {
        gateway.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        gateway.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        client(Optional.empty()).send(CODE);

        gateway.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void rateLimitingIsTriedAgain() {
        answer(429);

        assertThrows(DeliveryFailedException.class, () -> client(Optional.empty()).send(CODE));

        gateway.verify(BoundedRetry.ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aBrokenGatewayIsGivenUpAfterTheLastAttempt() {
        answer(500);

        DeliveryFailedException failure = assertThrows(DeliveryFailedException.class, () -> client(Optional.empty()).send(CODE));

        gateway.verify(BoundedRetry.ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
        assertTrue(failure.getMessage().contains("HTTP 500"), failure.getMessage());
        assertTrue(failure.getMessage().contains("+49 •••••••••89"), failure.getMessage());
        assertFalse(failure.getMessage().contains("123456"), "the code must not leak: " + failure.getMessage());
    }

    @Test
    void aRefusedRequestIsNotRepeated() {
        answer(400);

        assertThrows(DeliveryFailedException.class, () -> client(Optional.empty()).send(CODE));

        gateway.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aSlowGatewayTimesOutAndIsGivenUp() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        HttpSmsGateway impatient = new HttpSmsGateway(
                new SmsGatewaySettings(URI.create(gateway.baseUrl() + PATH), Optional.empty()), Duration.ofMillis(300));

        DeliveryFailedException failure = assertThrows(DeliveryFailedException.class, () -> impatient.send(CODE));

        gateway.verify(BoundedRetry.ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
        assertTrue(failure.getMessage().contains("HttpTimeoutException"), failure.getMessage());
    }

    @Test
    void aGatewayThatIsNotThereIsTriedAgainAndGivenUp() {
        HttpSmsGateway nowhere = new HttpSmsGateway(new SmsGatewaySettings(URI.create("http://127.0.0.1:9/sms"), Optional.empty()));

        DeliveryFailedException failure = assertThrows(DeliveryFailedException.class, () -> nowhere.send(CODE));

        assertTrue(failure.getMessage().contains("attempt " + BoundedRetry.ATTEMPTS + " of " + BoundedRetry.ATTEMPTS), failure.getMessage());
    }
}
