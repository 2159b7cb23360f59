package com.ibportal.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void generatesAWhsecSecretOfThirtyTwoRandomBytes() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.value()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
        assertThat(WebhookSecret.generate().value()).isNotEqualTo(secret.value());
    }

    @Test
    void neverPrintsTheSecret() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.toString()).isEqualTo("WebhookSecret[whsec_…]").doesNotContain(secret.value().substring(6));
    }

    @Test
    void readsBackWhatItWrote() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(WebhookSecret.parse(secret.value()).value()).isEqualTo(secret.value());
    }

    @Test
    void refusesShortOrMalformedSecretsWithoutEchoingThem() {
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> WebhookSecret.parse(tooShort)).hasMessage(
                "a webhook secret must hold 24 to 64 bytes, this one holds 16");
        assertThatThrownBy(() -> WebhookSecret.parse("sk_live_abcdef")).hasMessage(
                "a webhook secret must start with whsec_").message().doesNotContain("sk_live");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not base64!")).hasMessage(
                "a webhook secret must be whsec_ followed by base64");
    }
}
