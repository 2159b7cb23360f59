package com.ibportal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.SystemActor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ingest endpoint over a real socket, as a broker's sender meets it: exact body bytes under the signature,
 * chunked bodies without a Content-Length cut off at the limit. Same configuration as the browser tests, so both
 * share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo.enabled=true", "portal.demo.clients=400"})
class IngestOverHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    ConnectorService connectors;
    @Autowired
    InboxService inbox;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CreatedConnector connector(String settings) {
        return Deliveries.webhook(connectors, "http-" + UUID.randomUUID(), "canonical", JsonValues.mapper().readTree(settings));
    }

    private HttpRequest.Builder signed(CreatedConnector connector, byte[] body, HttpRequest.BodyPublisher publisher) {
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/" + connector.id()))
                .header("content-type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Deliveries.signature(connector.secret(), messageId, timestamp, body))
                .POST(publisher);
    }

    @Test
    void aSignedDeliveryIsAcceptedThenAnsweredAsDuplicate() throws Exception {
        CreatedConnector crm = connector("{}");
        String id = "http-" + UUID.randomUUID();
        byte[] body = Deliveries.deposit(id, "C-HTTP", "2026-10-01T09:00:00Z").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = http.send(signed(crm, body, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(JsonValues.mapper().readTree(first.body()).at("/results/0/status").stringValue()).isEqualTo("accepted");
        HttpResponse<String> again = http.send(signed(crm, body, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(SystemActor.call(() -> inbox.event(crm.id(), id)).status()).isEqualTo("RECEIVED");
    }

    @Test
    void aChunkedBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
        CreatedConnector crm = connector("{\"maxBodyBytes\": 1024}");
        byte[] body = ("[" + "\"x\",".repeat(20_000) + "\"x\"]").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.send(signed(crm, body,
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("1024");
    }

    @Test
    void aBadSignatureIs401WithoutBasicAuthChallenge() throws Exception {
        CreatedConnector crm = connector("{}");
        byte[] body = Deliveries.deposit("http-" + UUID.randomUUID(), "C", "2026-10-01T09:00:00Z").getBytes(StandardCharsets.UTF_8);
        byte[] other = "[]".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.send(signed(crm, other, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("no signature");
    }
}
