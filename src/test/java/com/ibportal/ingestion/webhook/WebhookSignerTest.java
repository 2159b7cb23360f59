package com.ibportal.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /**
     * The example of the Standard Webhooks specification (and of its reference libraries' tests). The expected value
     * was also recomputed outside Java with {@code openssl dgst -sha256 -mac HMAC} before being written here.
     */
    @Test
    void matchesTheStandardWebhooksReferenceExample() {
        WebhookSigner signer = new WebhookSigner(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    /** The same construction spelled out with javax.crypto, independent of the signer's code path. */
    @Test
    void signsIdDotTimestampDotBodyWithTheDecodedKey() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        byte[] body = "{\"id\":\"crm-1\",\"amount\":\"2.50\",\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.value().substring("whsec_".length())),
                "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("evt_1.1700000000." + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(new WebhookSigner(secret).sign("evt_1", 1700000000, body)).isEqualTo(expected);
    }
}
