package com.ibportal.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.webhook.WebhookVerificationException.Reason;

class WebhookVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    private static final byte[] BODY = "{\"id\":\"crm-1\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSecret current = WebhookSecret.generate();
    private final WebhookSecret previous = WebhookSecret.generate();
    private final WebhookVerifier verifier = new WebhookVerifier(List.of(current, previous), Duration.ofMinutes(5));

    private static String sign(WebhookSecret secret, long timestamp) {
        return new WebhookSigner(secret).sign("msg_1", timestamp, BODY);
    }

    private static Map<String, String> headers(String timestamp, String signature) {
        return Map.of("Webhook-Id", "msg_1", "Webhook-Timestamp", timestamp, "Webhook-Signature", signature);
    }

    private void assertRefused(Map<String, String> headers, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(headers, BODY, NOW))
                .isInstanceOfSatisfying(WebhookVerificationException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(reason);
                    assertThat(refused.getMessage()).doesNotContain(current.value().substring(6))
                            .doesNotContain(previous.value().substring(6));
                });
    }

    @Test
    void acceptsAMessageSignedWithTheCurrentSecretWhateverTheHeaderCase() {
        VerifiedWebhook verified = verifier.verify(headers("1700000000", sign(current, 1_700_000_000)), BODY, NOW);

        assertThat(verified).isEqualTo(new VerifiedWebhook("msg_1", NOW, 0));
    }

    @Test
    void acceptsAPreviousSecretDuringRotationAndAnyMatchingEntryOfTheList() {
        String signatures = "v1,bm90IGEgbWF0Y2g= v2,ignored " + sign(previous, 1_700_000_000);

        assertThat(verifier.verify(headers("1700000000", signatures), BODY, NOW).secretIndex()).isEqualTo(1);
    }

    @Test
    void acceptsClockSkewWithinFiveMinutesEitherWay() {
        assertThat(verifier.verify(headers("1699999700", sign(current, 1_699_999_700)), BODY, NOW)).isNotNull();
        assertThat(verifier.verify(headers("1700000300", sign(current, 1_700_000_300)), BODY, NOW)).isNotNull();
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        assertRefused(headers("1699999699", sign(current, 1_699_999_699)), Reason.STALE_TIMESTAMP);
        assertRefused(headers("1700000301", sign(current, 1_700_000_301)), Reason.STALE_TIMESTAMP);
    }

    @Test
    void refusesASignatureOfAnotherBodyOrSecret() {
        assertRefused(headers("1700000000", sign(WebhookSecret.generate(), 1_700_000_000)), Reason.NO_MATCHING_SIGNATURE);
        assertThatThrownBy(() -> verifier.verify(headers("1700000000", sign(current, 1_700_000_000)),
                "{\"id\":\"crm-2\"}".getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void refusesASignatureMadeForAnotherTimestamp() {
        assertRefused(headers("1700000000", sign(current, 1_700_000_001)), Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void refusesMissingHeaders() {
        assertRefused(Map.of("webhook-timestamp", "1700000000", "webhook-signature", sign(current, 1_700_000_000)),
                Reason.MISSING_HEADER);
        assertRefused(Map.of("webhook-id", "msg_1", "webhook-timestamp", "1700000000"), Reason.MISSING_HEADER);
    }

    @Test
    void refusesMalformedTimestampsAndSignatures() {
        assertRefused(headers("2023-11-14T22:13:20Z", sign(current, 1_700_000_000)), Reason.MALFORMED_TIMESTAMP);
        assertRefused(headers("1700000000", "sha256=abcdef"), Reason.MALFORMED_SIGNATURE);
        assertRefused(headers("1700000000", "v1,***"), Reason.MALFORMED_SIGNATURE);
        assertRefused(headers("1700000000", "v2,c2lnbmF0dXJl"), Reason.MALFORMED_SIGNATURE);
    }
}
