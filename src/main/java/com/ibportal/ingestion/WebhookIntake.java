package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventWriter;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ValidationException;
import com.ibportal.ingestion.formats.EventFormats;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookVerificationException;
import com.ibportal.ingestion.webhook.WebhookVerifier;
import com.ibportal.ingestion.webhook.VerifiedWebhook;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The signed webhook path: which connector, may it send now, is the signature good, what events does the body hold,
 * and storing them, all before the sender gets its 2xx. The sender authenticates with its signature, so there is no
 * user here and no role check; the inbox row is committed before the answer, so an accepted event is never lost.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    /** A delivery as the endpoint read it. */
    record Delivery(String webhookId, String webhookTimestamp, String webhookSignature, String contentType,
                    String remoteAddress, byte[] body) {
    }

    /** A connector that may receive webhooks right now, with its settings read. */
    record Receiving(Connector connector, ConnectorSettings settings) {
    }

    private final Connectors connectors;
    private final InboxWriter inbox;
    private final SecretCipher cipher;
    private final RateLimiter rateLimiter;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EventFormats formats = EventFormats.standard();
    private final CanonicalEventWriter writer = new CanonicalEventWriter();

    WebhookIntake(Connectors connectors, InboxWriter inbox, SecretCipher cipher, RateLimiter rateLimiter,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.connectors = connectors;
        this.inbox = inbox;
        this.cipher = cipher;
        this.rateLimiter = rateLimiter;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The checks that need no body: 404 unknown, 410 disabled, 429 over the rate, 403 outside the allow list. */
    Receiving admit(long connectorId, String remoteAddress) {
        Connector connector = connectors.find(connectorId)
                .filter(found -> found.kind() == ConnectorKind.WEBHOOK)
                .orElseThrow(() -> new IngestRefusal(HttpStatus.NOT_FOUND, "Not found",
                        "No webhook connector " + connectorId));
        if (!connector.enabled()) {
            throw new IngestRefusal(HttpStatus.GONE, "Connector disabled",
                    "Connector " + connectorId + " is disabled; an admin can enable it again");
        }
        ConnectorSettings settings = ConnectorSettings.read(connector.format(), JsonValues.mapper().readTree(connector.settingsJson()));
        long retryAfter = rateLimiter.tryAcquire(connectorId, settings.rateLimitPerSecond());
        if (retryAfter > 0) {
            throw new IngestRefusal(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Connector " + connectorId + " allows " + settings.rateLimitPerSecond() + " requests per second",
                    retryAfter);
        }
        if (!settings.ipAllowList().allows(remoteAddress)) {
            log.warn("Refused a delivery to connector {} from {}: not in its IP allow list", connectorId, remoteAddress);
            throw new IngestRefusal(HttpStatus.FORBIDDEN, "Forbidden",
                    "This address may not deliver to connector " + connectorId);
        }
        return new Receiving(connector, settings);
    }

    IngestResult accept(Receiving receiving, Delivery delivery) {
        Connector connector = receiving.connector();
        VerifiedWebhook verified = verify(connector, delivery);
        List<CanonicalEvent> events = map(receiving, delivery.body());
        Set<String> accepted = transactions.execute(status -> storeInTransaction(connector.id(), verified.messageId(),
                verified.sentAt().getEpochSecond(), delivery.contentType(), delivery.remoteAddress(), delivery.body(), events));
        List<IngestResult.Item> results = new ArrayList<>(events.size());
        Set<String> answered = new LinkedHashSet<>();
        for (CanonicalEvent event : events) {
            boolean first = answered.add(event.id());
            results.add(new IngestResult.Item(event.id(),
                    first && accepted.contains(event.id()) ? IngestResult.ACCEPTED : IngestResult.DUPLICATE));
        }
        return new IngestResult(results);
    }

    /**
     * Stores the events of one delivery (a webhook body, a polled page) with the raw body, in the caller's
     * transaction, through the one path into the inbox; answers the ids this call stored (the others were known).
     */
    Set<String> storeInTransaction(long connectorId, String webhookId, Long webhookTimestamp, String contentType,
                                   String remoteAddress, byte[] body, List<CanonicalEvent> mapped) {
        Map<String, InboxStore.NewEvent> events = new LinkedHashMap<>();
        for (CanonicalEvent event : mapped) {
            events.putIfAbsent(event.id(), new InboxStore.NewEvent(event.id(), event.type().wireName(), event.clientId(),
                    event.occurredAt(), writer.writeString(event)));
        }
        return inbox.store(connectorId, new InboxWriter.Raw(webhookId, webhookTimestamp, contentType, remoteAddress, body),
                events.values());
    }

    private VerifiedWebhook verify(Connector connector, Delivery delivery) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(WebhookSecret.parse(cipher.decrypt(connector.secretCurrent())));
        if (connector.secretPrevious() != null) {
            secrets.add(WebhookSecret.parse(cipher.decrypt(connector.secretPrevious())));
        }
        try {
            VerifiedWebhook verified = new WebhookVerifier(secrets, WebhookVerifier.DEFAULT_TOLERANCE).verify(
                    delivery.webhookId(), delivery.webhookTimestamp(), delivery.webhookSignature(), delivery.body(),
                    clock.instant());
            if (verified.secretIndex() > 0) {
                log.debug("Connector {} still signs with its previous secret", connector.id());
            }
            return verified;
        } catch (WebhookVerificationException refused) {
            // the reason only: never the signature, the secret or the body
            log.warn("Refused a delivery to connector {} from {}: {} ({})", connector.id(), delivery.remoteAddress(),
                    refused.reason(), refused.getMessage());
            throw new IngestRefusal(HttpStatus.UNAUTHORIZED, "Unauthorized", refused.getMessage());
        }
    }

    private List<CanonicalEvent> map(Receiving receiving, byte[] body) {
        JsonNode payload;
        try {
            payload = JsonValues.mapper().readTree(body);
        } catch (JacksonException malformed) {
            throw InvalidInputException.of("body", "is not valid JSON: " + describe(malformed));
        }
        if (payload == null || payload.isMissingNode()) {
            throw InvalidInputException.of("body", "is empty; send one event or an array of events");
        }
        try {
            return formats.get(receiving.connector().format()).map(payload, receiving.settings().formatContext());
        } catch (ValidationException invalid) {
            throw new InvalidInputException(invalid.errors().stream()
                    .map(error -> new FieldProblem(error.field(), error.message())).toList());
        }
    }

    /** Jackson's own message without the echoed source, plus where: enough to find the problem, no payload echo. */
    private static String describe(JacksonException malformed) {
        String message = malformed.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        String first = message == null ? "unreadable" : newline < 0 ? message : message.substring(0, newline);
        if (first.length() > 200) {
            first = first.substring(0, 200) + "…";
        }
        var location = malformed.getLocation();
        return location == null ? first : first + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
