package com.ibportal.ingestion;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import com.ibportal.security.SystemActor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Connectors and signed deliveries for ingestion tests, the way a broker's sender makes them. */
public final class Deliveries {

    private Deliveries() {
    }

    public static CreatedConnector webhook(ConnectorService connectors, String name, String format, JsonNode settings) {
        return SystemActor.call(() -> connectors.create(new NewConnector(name, "WEBHOOK", format, true, settings)));
    }

    public static MockHttpServletRequestBuilder signed(long connectorId, String secret, String body) {
        return signed(connectorId, secret, body, Instant.now().getEpochSecond());
    }

    public static MockHttpServletRequestBuilder signed(long connectorId, String secret, String body, long timestamp) {
        String messageId = "msg_" + UUID.randomUUID();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/api/v1/ingest/" + connectorId).contentType(MediaType.APPLICATION_JSON).content(bytes)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(secret, messageId, timestamp, bytes));
    }

    public static String signature(String secret, String messageId, long timestamp, byte[] body) {
        return new WebhookSigner(WebhookSecret.parse(secret)).sign(messageId, timestamp, body);
    }

    public static String deposit(String id, String clientId, String occurredAt) {
        return """
                {"id": "%s", "type": "deposit.completed", "occurredAt": "%s", "clientId": "%s",
                 "data": {"transactionId": "%s", "amount": "100.50", "currency": "USD"}}""".formatted(id, occurredAt, clientId, id);
    }

    public static String registered(String id, String clientId, String occurredAt) {
        return """
                {"id": "%s", "type": "client.registered", "occurredAt": "%s", "clientId": "%s",
                 "data": {"referralCode": "P-1", "country": "DE"}}""".formatted(id, occurredAt, clientId);
    }
}
