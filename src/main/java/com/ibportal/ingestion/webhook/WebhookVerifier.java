package com.ibportal.ingestion.webhook;

import static com.ibportal.ingestion.webhook.WebhookVerificationException.Reason.MALFORMED_SIGNATURE;
import static com.ibportal.ingestion.webhook.WebhookVerificationException.Reason.MALFORMED_TIMESTAMP;
import static com.ibportal.ingestion.webhook.WebhookVerificationException.Reason.MISSING_HEADER;
import static com.ibportal.ingestion.webhook.WebhookVerificationException.Reason.NO_MATCHING_SIGNATURE;
import static com.ibportal.ingestion.webhook.WebhookVerificationException.Reason.STALE_TIMESTAMP;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies Standard Webhooks deliveries against a connector's current secret and, during a rotation, its previous
 * ones. The {@code webhook-signature} header may list several space-separated signatures; one match with any secret
 * passes. A timestamp further than the tolerance from now (either way) is refused, which bounds replays.
 */
public final class WebhookVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final List<WebhookSigner> signers;
    private final Duration tolerance;

    /** @param secrets the current secret first, then previous ones still accepted */
    public WebhookVerifier(List<WebhookSecret> secrets, Duration tolerance) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one secret");
        }
        this.signers = secrets.stream().map(WebhookSigner::new).toList();
        this.tolerance = tolerance;
    }

    public WebhookVerifier(WebhookSecret... secrets) {
        this(List.of(secrets), DEFAULT_TOLERANCE);
    }

    /** Verifies with headers as a map whose names may be in any case, as HTTP header names are. */
    public VerifiedWebhook verify(Map<String, String> headers, byte[] body, Instant now) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return verify(byName.get(ID_HEADER), byName.get(TIMESTAMP_HEADER), byName.get(SIGNATURE_HEADER), body, now);
    }

    public VerifiedWebhook verify(String messageId, String timestamp, String signatures, byte[] body, Instant now) {
        require(ID_HEADER, messageId);
        require(TIMESTAMP_HEADER, timestamp);
        require(SIGNATURE_HEADER, signatures);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            throw new WebhookVerificationException(MALFORMED_TIMESTAMP, TIMESTAMP_HEADER + " must be Unix seconds");
        }
        Instant sentAt = Instant.ofEpochSecond(seconds);
        if (Duration.between(sentAt, now).abs().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(STALE_TIMESTAMP, TIMESTAMP_HEADER + " is more than "
                    + tolerance.toSeconds() + " s away from the receiver's clock; the delivery may be a replay");
        }
        List<byte[]> candidates = v1Signatures(signatures);
        for (int index = 0; index < signers.size(); index++) {
            byte[] expected = signers.get(index).mac(messageId, seconds, body);
            for (byte[] candidate : candidates) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return new VerifiedWebhook(messageId, sentAt, index);
                }
            }
        }
        throw new WebhookVerificationException(NO_MATCHING_SIGNATURE,
                "no signature in " + SIGNATURE_HEADER + " matches the body with the connector's secret");
    }

    /** The decoded v1 signatures; other versions are skipped as the standard asks, so senders can add new schemes. */
    private static List<byte[]> v1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma <= 0) {
                throw new WebhookVerificationException(MALFORMED_SIGNATURE,
                        SIGNATURE_HEADER + " must be space-separated \"v1,<base64>\" entries");
            }
            if (entry.substring(0, comma).equals(WebhookSigner.VERSION)) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException notBase64) {
                    throw new WebhookVerificationException(MALFORMED_SIGNATURE,
                            "a v1 signature in " + SIGNATURE_HEADER + " is not base64");
                }
            }
        }
        if (signatures.isEmpty()) {
            throw new WebhookVerificationException(MALFORMED_SIGNATURE, SIGNATURE_HEADER + " holds no v1 signature");
        }
        return signatures;
    }

    private static void require(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(MISSING_HEADER, "the " + header + " header is missing");
        }
    }
}
