package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ValidationException;
import com.ibportal.ingestion.formats.EventFormats;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Polls POLLING connectors. Each page is one transaction: lock the connector's cursor row ({@code FOR UPDATE SKIP
 * LOCKED}: another instance polling it means skip), fetch the page from the cursor, map the records with the
 * connector's format, store them into the inbox the webhook way (idempotent on event ids), move the cursor, commit.
 * A crash re-fetches at most that one page, and its events dedupe. Errors leave the cursor where it was and back off.
 */
@Component
class ConnectorPoller {

    private static final Logger log = LoggerFactory.getLogger(ConnectorPoller.class);

    /** Why a page could not be taken; the message is safe to store and log (no credential, no URL query). */
    static final class PollingException extends RuntimeException {
        PollingException(String message) {
            super(message);
        }
    }

    private record Page(int stored, boolean done, String nextUrl) {
    }

    private final Connectors connectors;
    private final ConnectorCursors cursors;
    private final WebhookIntake intake;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final ConnectorJobProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final EventFormats formats = EventFormats.standard();

    ConnectorPoller(Connectors connectors, ConnectorCursors cursors, WebhookIntake intake, SecretCipher cipher,
                    PlatformTransactionManager transactionManager, ConnectorJobProperties properties, Clock clock) {
        this.connectors = connectors;
        this.cursors = cursors;
        this.intake = intake;
        this.cipher = cipher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.pollingTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Polls every enabled polling connector that is due, one after the other. */
    int pollDue() {
        List<Long> due = cursors.due(clock.instant());
        for (long connectorId : due) {
            poll(connectorId);
        }
        return due.size();
    }

    /** Fetches pages from the stored cursor until the source has nothing newer (or the page cap). Outside a transaction. */
    PollReport poll(long connectorId) {
        Connector connector = connectors.find(connectorId).filter(c -> c.kind() == ConnectorKind.POLLING)
                .orElseThrow(() -> new IllegalArgumentException("No polling connector " + connectorId));
        ConnectorSettings settings;
        try {
            settings = ConnectorSettings.read(connector.format(), JsonValues.mapper().readTree(connector.settingsJson()));
        } catch (RuntimeException unreadable) {
            return failed(connectorId, 0, 0, Duration.ofSeconds(PollingSettings.DEFAULT_INTERVAL_SECONDS),
                    "the connector's settings cannot be read");
        }
        PollingSettings polling = settings.polling();
        Duration interval = Duration.ofSeconds(polling.intervalSeconds());
        transactions.executeWithoutResult(status -> cursors.ensure(connectorId, polling.initialCursor(), clock.instant()));
        int pages = 0;
        int stored = 0;
        String nextUrl = null;
        while (pages < properties.pollingMaxPages()) {
            String url = nextUrl;
            Page page;
            try {
                page = transactions.execute(status -> page(connector, settings, url));
            } catch (PollingException refused) {
                return failed(connectorId, pages, stored, interval, refused.getMessage());
            } catch (RuntimeException unexpected) {
                return failed(connectorId, pages, stored, interval, unexpected.getClass().getSimpleName());
            }
            if (page == null) {
                return new PollReport(connectorId, pages, stored, pages == 0, null);
            }
            pages++;
            stored += page.stored();
            if (page.done()) {
                break;
            }
            nextUrl = page.nextUrl();
        }
        log.debug("Polled connector {}: {} pages, {} new events", connectorId, pages, stored);
        return new PollReport(connectorId, pages, stored, false, null);
    }

    private PollReport failed(long connectorId, int pages, int stored, Duration interval, String error) {
        Instant now = clock.instant();
        int failures = transactions.execute(status -> cursors.failure(connectorId, error, now,
                count -> now.plus(properties.pollingBackoffAfter(interval, count))));
        log.warn("Polling connector {} failed ({} in a row): {}", connectorId, failures, error);
        return new PollReport(connectorId, pages, stored, false, error);
    }

    /** One page in the caller's transaction; null when another poller holds the cursor. */
    private Page page(Connector connector, ConnectorSettings settings, String nextUrl) {
        PollingSettings polling = settings.polling();
        Optional<ConnectorCursors.Cursor> locked = cursors.lock(connector.id());
        if (locked.isEmpty()) {
            return null;
        }
        String cursor = locked.get().value();
        String url = nextUrl != null ? nextUrl : polling.firstPageUrl(cursor);
        HttpResponse<InputStream> response = fetch(connector, polling, url);
        byte[] body = read(response);
        JsonNode answer;
        try {
            answer = JsonValues.mapper().readTree(body);
        } catch (JacksonException malformed) {
            throw new PollingException("the answer is not valid JSON");
        }
        JsonNode records = answer == null ? null : answer.at(polling.recordsPointer());
        if (records == null || !records.isArray()) {
            throw new PollingException("no records array at \"" + polling.recordsPointer() + "\" in the answer");
        }
        Instant now = clock.instant();
        Instant nextPoll = now.plusSeconds(polling.intervalSeconds());
        if (records.isEmpty()) {
            cursors.success(connector.id(), cursor, now, null, true, nextPoll);
            return new Page(0, true, null);
        }
        List<CanonicalEvent> events;
        try {
            events = formats.get(connector.format()).map(records, settings.formatContext());
        } catch (ValidationException invalid) {
            throw new PollingException("a record does not map: " + invalid.errors().getFirst().field() + " "
                    + invalid.errors().getFirst().message());
        }
        JsonNode last = records.get(records.size() - 1).at(polling.cursorField());
        if (last == null || last.isMissingNode() || last.isNull() || last.isContainer()) {
            throw new PollingException("the last record has no cursor at \"" + polling.cursorField() + "\"");
        }
        String newCursor = last.isString() ? last.stringValue() : last.asString();
        int stored = events.isEmpty() ? 0 : intake.storeInTransaction(connector.id(), null, null,
                response.headers().firstValue("Content-Type").orElse(null), URI.create(url).getHost(), body, events).size();
        Instant newest = events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).orElse(null);
        String next = null;
        boolean done;
        if (polling.nextPagePointer() != null) {
            JsonNode link = answer.at(polling.nextPagePointer());
            next = link != null && link.isString() && !link.stringValue().isBlank()
                    ? URI.create(url).resolve(link.stringValue()).toString() : null;
            done = next == null;
        } else {
            // a short page is the last one; a cursor that did not move would fetch the same page for ever
            done = records.size() < polling.pageSize() || newCursor.equals(cursor);
        }
        cursors.success(connector.id(), newCursor, now, newest, done, done ? nextPoll : now);
        return new Page(stored, done, next);
    }

    private HttpResponse<InputStream> fetch(Connector connector, PollingSettings polling, String url) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.pollingTimeout()).GET()
                    .header("Accept", "application/json").header("User-Agent", "IB-Portal-Poller/1");
        } catch (IllegalArgumentException badUrl) {
            throw new PollingException("the page URL is not valid");
        }
        if (polling.auth() != PollingSettings.Auth.NONE) {
            if (connector.secretCurrent() == null) {
                throw new PollingException("no credential is stored for " + polling.auth() + " auth");
            }
            String credential = cipher.decrypt(connector.secretCurrent());
            switch (polling.auth()) {
                case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (polling.username() + ":" + credential).getBytes(StandardCharsets.UTF_8)));
                case BEARER -> request.header("Authorization", "Bearer " + credential);
                case HEADER -> request.header(polling.headerName(), credential);
                case NONE -> { }
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw new PollingException(unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new PollingException("interrupted (shutting down)");
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            try (InputStream ignored = response.body()) {
                // closed unread: the status is the reason
            } catch (IOException ignored) {
                // nothing to do
            }
            throw new PollingException("HTTP " + response.statusCode() + " from " + URI.create(url).getHost());
        }
        return response;
    }

    private byte[] read(HttpResponse<InputStream> response) {
        int max = properties.pollingMaxResponseBytes();
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new PollingException("the answer is larger than " + max + " bytes");
            }
            return bytes;
        } catch (IOException broken) {
            throw new PollingException("reading the answer failed: " + broken.getClass().getSimpleName());
        }
    }
}
