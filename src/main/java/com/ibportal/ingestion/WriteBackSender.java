package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due write-backs: claims them ({@code FOR UPDATE SKIP LOCKED}), leases them and commits, then POSTs each one
 * signed with the connector's current webhook secret, and records the answer in a short transaction of its own. No
 * lock is held during HTTP; a sender that dies mid-send leaves the row due again when the lease ends, and the receiver
 * sees the same {@code webhook-id} again (at-least-once, deduplicated by the receiver).
 */
@Component
class WriteBackSender {

    private static final Logger log = LoggerFactory.getLogger(WriteBackSender.class);

    private final WriteBackStore store;
    private final Connectors connectors;
    private final SecretCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ConnectorJobProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WriteBackSender(WriteBackStore store, Connectors connectors, SecretCipher cipher, JdbcTemplate jdbc,
                    PlatformTransactionManager transactionManager, ConnectorJobProperties properties, Clock clock) {
        this.store = store;
        this.connectors = connectors;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.writebackTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends every due write-back (of one connector when {@code onlyConnector} is set) of enabled connectors; answers how
     * many sends were made. Runs in the caller's thread; must not be called inside a transaction.
     */
    int deliverDue(Long onlyConnector) {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<WriteBackStore.Claimed> batch = transactions.execute(status -> {
                List<Long> enabled = jdbc.queryForList("SELECT id FROM connector WHERE enabled = TRUE", Long.class)
                        .stream().filter(id -> onlyConnector == null || onlyConnector.equals(id)).toList();
                List<WriteBackStore.Claimed> claimed = store.claimDue(enabled, now, properties.writebackBatchSize());
                store.lease(claimed.stream().map(WriteBackStore.Claimed::id).toList(),
                        now.plus(properties.writebackTimeout().multipliedBy(3)));
                return claimed;
            });
            for (WriteBackStore.Claimed row : batch) {
                send(row);
            }
            sent += batch.size();
            if (batch.size() < properties.writebackBatchSize()) {
                return sent;
            }
        }
    }

    private void send(WriteBackStore.Claimed row) {
        int attempt = row.attempts() + 1;
        Result result = post(row);
        Instant now = clock.instant();
        if (result.delivered()) {
            transactions.executeWithoutResult(status -> store.delivered(row.id(), attempt, now));
            log.info("Write-back {} of connector {} delivered (attempt {})", row.messageId(), row.connectorId(), attempt);
            return;
        }
        boolean giveUp = result.final_() || attempt >= properties.writebackMaxAttempts();
        Duration delay = properties.writebackBackoffAfter(attempt);
        if (result.retryAfter() != null && result.retryAfter().compareTo(delay) > 0) {
            delay = result.retryAfter().compareTo(properties.writebackMaxBackoff()) > 0
                    ? properties.writebackMaxBackoff() : result.retryAfter();
        }
        Instant next = now.plus(delay);
        transactions.executeWithoutResult(status -> store.failedAttempt(row.id(), attempt, giveUp, result.error(), next));
        if (giveUp) {
            log.warn("Write-back {} of connector {} FAILED after {} attempts: {}", row.messageId(), row.connectorId(),
                    attempt, result.error());
        } else {
            log.warn("Write-back {} of connector {} failed (attempt {}): {}; next attempt at {}", row.messageId(),
                    row.connectorId(), attempt, result.error(), next);
        }
    }

    /** How one send went; {@code final_}: retrying cannot help (410 Gone, no URL). */
    private record Result(boolean delivered, boolean final_, String error, Duration retryAfter) {
        static Result ok() {
            return new Result(true, false, null, null);
        }

        static Result retry(String error, Duration retryAfter) {
            return new Result(false, false, error, retryAfter);
        }

        static Result stop(String error) {
            return new Result(false, true, error, null);
        }
    }

    private Result post(WriteBackStore.Claimed row) {
        Optional<Connector> found = connectors.find(row.connectorId());
        if (found.isEmpty()) {
            return Result.stop("the connector no longer exists");
        }
        Connector connector = found.get();
        String url;
        try {
            url = ConnectorSettings.read(connector.format(), JsonValues.mapper().readTree(connector.settingsJson()))
                    .writeBackUrl();
        } catch (RuntimeException unreadable) {
            return Result.retry("the connector's settings cannot be read: " + unreadable.getClass().getSimpleName(), null);
        }
        if (url == null) {
            return Result.stop("the connector has no writeBackUrl any more");
        }
        if (connector.secretCurrent() == null || connector.kind() != ConnectorKind.WEBHOOK) {
            return Result.stop("the connector has no webhook secret to sign with");
        }
        byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = new WebhookSigner(WebhookSecret.parse(cipher.decrypt(connector.secretCurrent())))
                    .sign(row.messageId(), timestamp, body);
        } catch (RuntimeException undecryptable) {
            // the message says the key changed; it holds no secret
            return Result.retry("cannot sign: " + undecryptable.getMessage(), null);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.writebackTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "IB-Portal-Writeback/1")
                    .header("webhook-id", row.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException badUrl) {
            return Result.stop("the writeBackUrl is not a valid URL");
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return Result.ok();
            }
            if (code == 410) {
                return Result.stop("HTTP 410: the receiver asked to stop");
            }
            return Result.retry("HTTP " + code, retryAfter(response));
        } catch (IOException unreachable) {
            return Result.retry(unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()), null);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return Result.retry("interrupted (shutting down)", null);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
