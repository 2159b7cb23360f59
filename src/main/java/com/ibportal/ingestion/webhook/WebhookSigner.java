package com.ibportal.ingestion.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook messages the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. */
public final class WebhookSigner {

    static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final WebhookSecret secret;

    public WebhookSigner(WebhookSecret secret) {
        this.secret = secret;
    }

    /** The value of the {@code webhook-signature} header for this message. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(messageId, timestampSeconds, body));
    }

    /** The raw HMAC; signs the exact body bytes, never a re-serialised body. */
    byte[] mac(String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            // Every Java runtime must provide HmacSHA256; reaching this means a broken JDK, not bad input.
            throw new IllegalStateException("HmacSHA256 is unavailable", unavailable);
        }
    }
}
