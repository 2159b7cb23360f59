package com.ibportal.ingestion.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret, {@code whsec_<base64 of 24 to 64 random bytes>}. Its {@link #toString()}
 * never shows the key, so it can sit in logged objects; {@link #value()} is for showing it once to its owner.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, this one holds " + key.length);
        }
        this.key = key.clone();
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Reads {@code whsec_…}; the error never repeats the input, which may be a real secret pasted in the wrong place. */
    public static WebhookSecret parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a webhook secret must be " + PREFIX + " followed by base64");
        }
        return new WebhookSecret(key);
    }

    /** The full {@code whsec_…} text, to show once when the connector is created and to store. */
    public String value() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "…]";
    }
}
