package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.AuditTrail;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.shared.Paged;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write-back outbox: other modules enqueue "client X belongs to partner P from T" for a connector, in their own
 * transaction; a background sender delivers it to the connector's {@code writeBackUrl}, signed the Standard Webhooks
 * way with the connector's secret. Admins see and retry write-backs.
 */
@Service
public class WriteBackService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WriteBackStore store;
    private final Connectors connectors;
    private final WriteBackSender sender;
    private final AuditTrail audit;
    private final Clock clock;

    WriteBackService(WriteBackStore store, Connectors connectors, WriteBackSender sender, AuditTrail audit, Clock clock) {
        this.store = store;
        this.connectors = connectors;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues {@code {clientId, partnerCode, effectiveFrom}} for the connector, in the caller's transaction, so an
     * attribution and its write-back commit (or roll back) together. Connectors without a {@code writeBackUrl}, and
     * unknown connectors, get nothing. An MT5 connector's payload adds {@code mt5: {Login, <referralCodeField>}},
     * the user fields the CRM side sets with {@code /api/user/update}.
     *
     * @return the message id (the {@code webhook-id} of every send), or empty when nothing was queued
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> enqueue(long connectorId, String clientId, String partnerCode, Instant effectiveFrom) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(partnerCode, "partnerCode");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Optional<Connector> found = connectors.find(connectorId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Connector connector = found.get();
        ConnectorSettings settings = ConnectorSettings.read(connector.format(),
                JsonValues.mapper().readTree(connector.settingsJson()));
        if (settings.writeBackUrl() == null) {
            return Optional.empty();
        }
        ObjectNode payload = JsonValues.mapper().createObjectNode();
        payload.put("clientId", clientId);
        payload.put("partnerCode", partnerCode);
        payload.put("effectiveFrom", effectiveFrom.toString());
        if ("mt5".equals(connector.format())) {
            ObjectNode mt5 = payload.putObject("mt5");
            mt5.put("Login", loginOf(clientId, settings.formatContext().clientIdsByLogin()));
            mt5.put(settings.formatContext().referralCodeField(), partnerCode);
        }
        String messageId = "msg_" + randomId();
        store.insert(connectorId, messageId, clientId, JsonValues.mapper().writeValueAsString(payload), clock.instant());
        return Optional.of(messageId);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public Paged<WriteBackView> list(long connectorId, String status, int page, int size) {
        Paged.check(page, size);
        requireConnector(connectorId);
        String filter = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (filter != null && !WriteBackStore.STATUSES.contains(filter)) {
            throw InvalidInputException.of("status", "must be one of " + WriteBackStore.STATUSES);
        }
        return new Paged<>(store.list(connectorId, filter, (long) page * size, size), page, size,
                store.count(connectorId, filter));
    }

    /** A FAILED write-back is sent again from scratch (same message id, attempts reset); other states are 409. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public WriteBackView retry(long connectorId, long writeBackId) {
        requireConnector(connectorId);
        WriteBackView current = store.find(connectorId, writeBackId)
                .orElseThrow(() -> new NotFoundException("Write-back " + writeBackId));
        if (!store.retry(connectorId, writeBackId, clock.instant())) {
            throw new ConflictException("Write-back " + writeBackId + " is " + current.status()
                    + "; only FAILED write-backs can be retried");
        }
        audit.record("WRITEBACK_RETRIED", "connector " + connectorId, current.messageId());
        return store.find(connectorId, writeBackId).orElseThrow();
    }

    /**
     * Sends every due write-back now, in the caller's thread (tests, and an admin's "send now"); answers how many
     * sends were made.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NEVER)
    public int deliverDue() {
        return sender.deliverDue(null);
    }

    /** The MT5 login whose client id this is ({@code clientIdsByLogin} maps the other way); else the id itself. */
    private static String loginOf(String clientId, Map<String, String> clientIdsByLogin) {
        return clientIdsByLogin.entrySet().stream().filter(entry -> entry.getValue().equals(clientId))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(clientId);
    }

    private void requireConnector(long connectorId) {
        if (connectors.find(connectorId).isEmpty()) {
            throw new NotFoundException("Connector " + connectorId);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
