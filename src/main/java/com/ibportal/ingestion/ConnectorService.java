package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.formats.EventFormats;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.Hashing;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import com.ibportal.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Connectors: create, change, rotate secrets. ADMIN changes; FINANCE may read. Secrets are shown only once. */
@Service
public class ConnectorService {

    static final String POSTBACK_TOKEN_PREFIX = "pbt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Connectors connectors;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final EventFormats formats = EventFormats.standard();

    ConnectorService(Connectors connectors, SecretCipher cipher, AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.connectors = connectors;
        this.cipher = cipher;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CreatedConnector create(NewConnector request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkName(request.name(), problems);
        ConnectorKind kind = null;
        if (request.kind() == null || request.kind().isBlank()) {
            problems.add(new FieldProblem("kind", "is required: one of " + Arrays.toString(ConnectorKind.values())));
        } else {
            try {
                kind = ConnectorKind.valueOf(request.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(new FieldProblem("kind", "must be one of " + Arrays.toString(ConnectorKind.values())));
            }
        }
        String format = request.format() == null ? null : request.format().trim().toLowerCase(Locale.ROOT);
        if (format == null || !formats.names().contains(format)) {
            problems.add(new FieldProblem("format", "must be one of " + String.join(", ", formats.names())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode settings = settingsOrEmpty(request.settings());
        ConnectorSettings read = ConnectorSettings.read(format, settings);
        String credential = PollingSettings.takeCredential(settings);
        ConnectorKindRules.check(kind, read, credential != null);
        if (connectors.nameTaken(name, null)) {
            throw new ConflictException("A connector named \"" + name + "\" exists already");
        }
        String secret = switch (kind) {
            case WEBHOOK -> WebhookSecret.generate().value();
            case POSTBACK -> POSTBACK_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            case POLLING, CSV -> null;
        };
        Instant now = clock.instant();
        long id = connectors.nextId();
        boolean enabled = request.enabled() == null || request.enabled();
        connectors.insert(new Connector(id, name, kind, format, enabled, JsonValues.mapper().writeValueAsString(settings),
                kind == ConnectorKind.POLLING ? sealCredential(credential) : seal(kind, secret), null, null, now,
                currentUser.actorName(), now));
        audit.record("CONNECTOR_CREATED", "connector " + id, name + " (" + kind + ", " + format + ")");
        return new CreatedConnector(id, name, kind, format, enabled, secret);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<ConnectorView> list() {
        return connectors.all().stream().map(ConnectorService::view).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public ConnectorView get(long id) {
        return view(require(id, false));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ConnectorView change(long id, ConnectorChange change) {
        Connector current = require(id, true);
        List<FieldProblem> problems = new ArrayList<>();
        String name = change.name() == null ? current.name() : checkName(change.name(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!name.equals(current.name()) && connectors.nameTaken(name, id)) {
            throw new ConflictException("A connector named \"" + name + "\" exists already");
        }
        String settingsJson = current.settingsJson();
        String secretCurrent = current.secretCurrent();
        if (change.settings() != null) {
            JsonNode settings = settingsOrEmpty(change.settings());
            ConnectorSettings read = ConnectorSettings.read(current.format(), settings);
            String credential = PollingSettings.takeCredential(settings);
            if (current.kind() == ConnectorKind.POLLING) {
                // a polling credential not given again is kept; auth "none" drops it
                boolean none = read.polling() == null || read.polling().auth() == PollingSettings.Auth.NONE;
                secretCurrent = none ? null : credential != null ? sealCredential(credential) : secretCurrent;
            }
            ConnectorKindRules.check(current.kind(), read, secretCurrent != null);
            settingsJson = JsonValues.mapper().writeValueAsString(settings);
        }
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        Connector changed = new Connector(id, name, current.kind(), current.format(), enabled, settingsJson,
                secretCurrent, current.secretPrevious(), current.secretRotatedAt(), current.createdAt(),
                current.createdBy(), clock.instant());
        connectors.update(changed);
        audit.record("CONNECTOR_CHANGED", "connector " + id, "name=" + name + ", enabled=" + enabled
                + (change.settings() != null ? ", settings changed" : ""));
        return view(changed);
    }

    /**
     * A new secret, shown once. The replaced one keeps verifying (Standard Webhooks rotation) until
     * {@link #dropPreviousSecret} or the next rotation, so the sender can switch without losing deliveries.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public RotatedSecret rotateSecret(long id) {
        Connector current = require(id, true);
        String secret = switch (current.kind()) {
            case WEBHOOK -> WebhookSecret.generate().value();
            case POSTBACK -> POSTBACK_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            case POLLING, CSV -> throw new ConflictException("A " + current.kind() + " connector has no secret to rotate");
        };
        Instant now = clock.instant();
        connectors.update(new Connector(id, current.name(), current.kind(), current.format(), current.enabled(),
                current.settingsJson(), seal(current.kind(), secret), current.secretCurrent(), now, current.createdAt(),
                current.createdBy(), now));
        audit.record("CONNECTOR_SECRET_ROTATED", "connector " + id, current.name());
        return new RotatedSecret(id, secret, true);
    }

    /** Ends a rotation: only the current secret verifies from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ConnectorView dropPreviousSecret(long id) {
        Connector current = require(id, true);
        Connector changed = new Connector(id, current.name(), current.kind(), current.format(), current.enabled(),
                current.settingsJson(), current.secretCurrent(), null, current.secretRotatedAt(), current.createdAt(),
                current.createdBy(), clock.instant());
        connectors.update(changed);
        if (current.secretPrevious() != null) {
            audit.record("CONNECTOR_PREVIOUS_SECRET_DROPPED", "connector " + id, current.name());
        }
        return view(changed);
    }

    private String seal(ConnectorKind kind, String secret) {
        if (secret == null) {
            return null;
        }
        // a postback token is only compared, so a hash suffices; a webhook secret keys an HMAC and must come back
        return kind == ConnectorKind.POSTBACK ? Hashing.sha256Hex(secret) : cipher.encrypt(secret);
    }

    /** A polling credential (password, token, header value) is sent to the vendor, so it is encrypted, not hashed. */
    private String sealCredential(String credential) {
        return credential == null ? null : cipher.encrypt(credential);
    }

    private Connector require(long id, boolean forUpdate) {
        return (forUpdate ? connectors.findForUpdate(id) : connectors.find(id))
                .orElseThrow(() -> new NotFoundException("Connector " + id));
    }

    private static String checkName(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
            return null;
        }
        if (name.trim().length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        return name.trim();
    }

    private static JsonNode settingsOrEmpty(JsonNode settings) {
        return settings == null || settings.isNull() ? JsonNodeFactory.instance.objectNode() : settings;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static ConnectorView view(Connector c) {
        return new ConnectorView(c.id(), c.name(), c.kind(), c.format(), c.enabled(),
                JsonValues.mapper().readTree(c.settingsJson()), c.secretPrevious() != null, c.secretRotatedAt(),
                c.createdAt(), c.createdBy());
    }
}
