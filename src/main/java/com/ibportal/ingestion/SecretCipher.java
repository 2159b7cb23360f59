package com.ibportal.ingestion;

import com.ibportal.shared.Encryption;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts connector secrets at rest with AES-256-GCM ({@link Encryption}). Webhook secrets cannot be hashed: verifying
 * an HMAC needs the key itself. The key comes from {@code portal.secrets.key}; without it, the embedded database's
 * directory holds a generated key file, and against an external database a documented development key is used with a
 * warning (see docs/ingestion-decisions.md).
 */
@Component
class SecretCipher {

    /** Binds ciphertexts to their purpose, so a value copied from another encrypted column does not decrypt here. */
    private static final String PURPOSE = "connector secret";

    private final Encryption encryption;

    @Autowired
    SecretCipher(@Value("${portal.secrets.key:}") String configuredKey,
                 @Value("${portal.database.embedded:true}") boolean embeddedDatabase,
                 @Value("${portal.database.embedded-dir:./data/mariadb}") Path embeddedDir) {
        this(Encryption.resolveKey(configuredKey, embeddedDatabase, embeddedDir));
    }

    private SecretCipher(byte[] key) {
        this.encryption = Encryption.withKey(key, PURPOSE);
    }

    static SecretCipher withKey(byte[] key) {
        return new SecretCipher(key);
    }

    String encrypt(String plain) {
        return encryption.encrypt(plain);
    }

    /** @throws IllegalStateException when the value was sealed with another key (the key was changed or lost) */
    String decrypt(String sealed) {
        return encryption.decrypt(sealed);
    }

    static byte[] developmentKey() {
        return Encryption.developmentKey();
    }
}
