package com.ibportal.ingestion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts connector secrets at rest with AES-256-GCM. Webhook secrets cannot be hashed: verifying an HMAC needs the
 * key itself. The key comes from {@code portal.secrets.key} (base64 of 32 bytes); without it, the embedded database's
 * directory holds a generated key file, and against an external database a documented development key is used with a
 * warning (see docs/ingestion-decisions.md).
 */
@Component
class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds ciphertexts to their purpose, so a value copied from another encrypted column does not decrypt here. */
    private static final byte[] ASSOCIATED_DATA = "ib-portal connector secret".getBytes(StandardCharsets.US_ASCII);
    static final String DEVELOPMENT_KEY_SEED = "ib-portal development secrets key - not for production";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    SecretCipher(@Value("${portal.secrets.key:}") String configuredKey,
                 @Value("${portal.database.embedded:true}") boolean embeddedDatabase,
                 @Value("${portal.database.embedded-dir:./data/mariadb}") Path embeddedDir) {
        this.key = new SecretKeySpec(resolveKey(configuredKey, embeddedDatabase, embeddedDir), "AES");
    }

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    static SecretCipher withKey(byte[] key) {
        return new SecretCipher(key);
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key (the key was changed or lost) */
    String decrypt(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("unknown secret encoding");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored connector secret cannot be decrypted with portal.secrets.key; "
                    + "was the key changed?");
        }
    }

    private static byte[] resolveKey(String configured, boolean embeddedDatabase, Path embeddedDir) {
        if (!configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException("portal.secrets.key must be the base64 of 32 random bytes");
            }
            if (key.length != 32) {
                throw new IllegalStateException("portal.secrets.key must be the base64 of 32 random bytes, not "
                        + key.length);
            }
            return key;
        }
        if (embeddedDatabase) {
            return keyFile(embeddedDir.resolve("secrets.key"));
        }
        log.warn("portal.secrets.key is not set: connector secrets are encrypted with the public development key. "
                + "Set PORTAL_SECRETS_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) in production.");
        return developmentKey();
    }

    static byte[] developmentKey() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(DEVELOPMENT_KEY_SEED.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The embedded database's key lives next to its data: whoever has one has the other anyway. */
    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (key.length != 32) {
                    throw new IllegalStateException(file + " does not hold a 32-byte key");
                }
                return key;
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "secrets", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL is all there is
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            log.info("Generated the key for connector secrets in {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secrets key file " + file, e);
        }
    }
}
