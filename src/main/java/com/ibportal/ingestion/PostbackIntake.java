package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventWriter;
import com.ibportal.ingestion.canonical.JsonValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server-to-server postbacks: a connector token instead of a signature, URL parameters instead of a JSON body, one
 * event per request. The event goes into the inbox through {@link InboxWriter} in the transaction that answers, like
 * a webhook delivery.
 */
@Component
class PostbackIntake {

    private static final Logger log = LoggerFactory.getLogger(PostbackIntake.class);
    static final String TOKEN_PARAMETER = "token";
    static final String TOKEN_HEADER = "X-Postback-Token";

    /** A postback as the endpoint read it: parameters in arrival order (query first, then form body). */
    record Postback(String method, String token, Map<String, List<String>> parameters, String remoteAddress) {
    }

    /** The answer: {@code accepted} or {@code duplicate}, and the event id (the sender's or the derived one). */
    record Answer(String status, String id) {
    }

    private final Connectors connectors;
    private final InboxWriter inbox;
    private final RateLimiter rateLimiter;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PostbackEvents events = PostbackEvents.create();
    private final CanonicalEventWriter writer = new CanonicalEventWriter();

    PostbackIntake(Connectors connectors, InboxWriter inbox, RateLimiter rateLimiter,
                   PlatformTransactionManager transactionManager, Clock clock) {
        this.connectors = connectors;
        this.inbox = inbox;
        this.rateLimiter = rateLimiter;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** 404 unknown, 410 not a postback connector or disabled, 429, 403, 401, 400; then stored. */
    Answer accept(long connectorId, Postback postback) {
        Connector connector = connectors.find(connectorId).orElseThrow(() -> new IngestRefusal(HttpStatus.NOT_FOUND,
                "Not found", "No connector " + connectorId));
        if (connector.kind() != ConnectorKind.POSTBACK) {
            throw new IngestRefusal(HttpStatus.GONE, "Not a postback connector",
                    "Connector " + connectorId + " does not take postbacks");
        }
        if (!connector.enabled()) {
            throw new IngestRefusal(HttpStatus.GONE, "Connector disabled",
                    "Connector " + connectorId + " is disabled; an admin can enable it again");
        }
        ConnectorSettings settings = ConnectorSettings.read(connector.format(),
                JsonValues.mapper().readTree(connector.settingsJson()));
        long retryAfter = rateLimiter.tryAcquire(connectorId, settings.rateLimitPerSecond());
        if (retryAfter > 0) {
            throw new IngestRefusal(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Connector " + connectorId + " allows " + settings.rateLimitPerSecond() + " requests per second",
                    retryAfter);
        }
        if (!settings.ipAllowList().allows(postback.remoteAddress())) {
            log.warn("Refused a postback to connector {} from {}: not in its IP allow list", connectorId,
                    postback.remoteAddress());
            throw new IngestRefusal(HttpStatus.FORBIDDEN, "Forbidden", "This address may not send to connector " + connectorId);
        }
        if (!tokenMatches(connector, postback.token())) {
            log.warn("Refused a postback to connector {} from {}: {} token", connectorId, postback.remoteAddress(),
                    postback.token() == null || postback.token().isBlank() ? "missing" : "wrong");
            throw new IngestRefusal(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "A valid token is required (parameter token or header " + TOKEN_HEADER + ")");
        }
        Map<String, String> first = postback.parameters().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TOKEN_PARAMETER) && !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getFirst(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        CanonicalEvent event = events.map(first, clock.instant());
        InboxStore.NewEvent row = new InboxStore.NewEvent(event.id(), event.type().wireName(), event.clientId(),
                event.occurredAt(), writer.writeString(event));
        InboxWriter.Raw raw = new InboxWriter.Raw(null, null, "application/x-www-form-urlencoded; postback=" + postback.method(),
                postback.remoteAddress(), rawParameters(postback.parameters()).getBytes(StandardCharsets.UTF_8));
        Set<String> stored = transactions.execute(status -> inbox.store(connectorId, raw, List.of(row)));
        return new Answer(stored.contains(event.id()) ? IngestResult.ACCEPTED : IngestResult.DUPLICATE, event.id());
    }

    /**
     * Constant time against the stored SHA-256 of the current and the previous token (both compared every time, so
     * the timing does not tell which one exists).
     */
    static boolean tokenMatches(Connector connector, String presented) {
        if (presented == null || presented.isBlank() || connector.secretCurrent() == null) {
            return false;
        }
        byte[] hash = HexFormat.of().parseHex(com.ibportal.shared.Hashing.sha256Hex(presented.trim()));
        boolean current = MessageDigest.isEqual(hash, HexFormat.of().parseHex(connector.secretCurrent()));
        boolean previous = connector.secretPrevious() != null
                && MessageDigest.isEqual(hash, HexFormat.of().parseHex(connector.secretPrevious()));
        return current | previous;
    }

    /** The parameters as received, re-encoded, without the token: the raw copy must never hold a credential. */
    private static String rawParameters(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TOKEN_PARAMETER))
                .flatMap(entry -> entry.getValue().stream().map(value ->
                        URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
