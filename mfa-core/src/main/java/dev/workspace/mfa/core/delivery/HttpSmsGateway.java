package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import jakarta.json.Json;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * SMS through an HTTP gateway: {@code POST} of {@code {"to": "+49…", "text": "…"}} with an optional bearer token;
 * any 2xx means sent (docs/delivery.md#sms). 5xx, 429, time-outs and broken connections are tried again
 * ({@link BoundedRetry}); any other answer, and a TLS failure, is final, since the gateway would refuse the same
 * request again.
 */
public final class HttpSmsGateway implements MessageDelivery {

    /** Reaching the gateway; a reachable one connects in milliseconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** For the gateway's answer; a gateway queues the SMS and answers at once, it does not wait for the phone. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final int TOO_MANY_REQUESTS = 429;

    private final SmsGatewaySettings settings;
    private final Duration timeout;
    private final HttpClient client;

    public HttpSmsGateway(SmsGatewaySettings settings) {
        this(settings, TIMEOUT);
    }

    /** With another answer time-out, for tests that should not wait seconds for a slow gateway. */
    HttpSmsGateway(SmsGatewaySettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        // HTTP/1.1 only: an upgrade attempt to HTTP/2 (h2c) confuses some plain gateways and proxies.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(OutgoingMessage message) {
        if (message.channel() != Channel.SMS) {
            throw new IllegalArgumentException("the SMS gateway sends SMS only");
        }
        HttpRequest request = request(message);
        BoundedRetry.run(message, () -> post(request));
    }

    private HttpRequest request(OutgoingMessage message) {
        String body = Json.createObjectBuilder().add("to", message.to()).add("text", message.text()).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request.build();
    }

    private void post(HttpRequest request) throws FailedAttempt {
        int status;
        try {
            // The answer's body is not read: a gateway may echo the text, and the text holds the code.
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw FailedAttempt.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FailedAttempt.permanent("interrupted");
        }
        if (status / 100 == 2) {
            return;
        }
        String reason = "gateway answered HTTP " + status;
        throw status / 100 == 5 || status == TOO_MANY_REQUESTS ? FailedAttempt.retryable(reason) : FailedAttempt.permanent(reason);
    }
}
