package com.ibportal.shared;

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

/**
 * AES-256-GCM for values that must be read back (connector secrets, client emails): a random 96-bit IV per value,
 * stored as {@code v1:} + base64(IV ‖ ciphertext ‖ tag). Each use has its own associated-data label, so a value
 * copied from another encrypted column does not decrypt. The key is {@code portal.secrets.key} as
 * {@link #resolveKey} finds it (see docs/ingestion-decisions.md).
 */
public final class Encryption {

    public static final String VERSION = "v1:";
    static final String DEVELOPMENT_KEY_SEED = "ib-portal development secrets key - not for production";
    private static final Logger log = LoggerFactory.getLogger(Encryption.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] associatedData;
    private final String purpose;

    private Encryption(byte[] key, String purpose) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.purpose = purpose;
        this.associatedData = ("ib-portal " + purpose).getBytes(StandardCharsets.UTF_8);
    }

    /** @param purpose what the values are, e.g. "connector secret"; part of the associated data and of error messages */
    public static Encryption withKey(byte[] key, String purpose) {
        return new Encryption(key, purpose);
    }

    /** Whether a stored value is in this class's format (as opposed to a plain value from before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key (the key was changed or lost) or is not sealed */
    public String decrypt(String sealed) {
        if (!isEncrypted(sealed)) {
            throw new IllegalStateException("a stored " + purpose + " is not in the " + VERSION + " encrypted format");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("a stored " + purpose + " is corrupt (not base64)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored " + purpose + " cannot be decrypted with portal.secrets.key; "
                    + "was the key changed?");
        }
    }

    /**
     * The key: {@code configured} (base64 of 32 bytes) when set; else, with the embedded database, a key generated once
     * into {@code <embeddedDir>/secrets.key}; else the public development key, with a warning.
     */
    public static byte[] resolveKey(String configured, boolean embeddedDatabase, Path embeddedDir) {
        if (configured != null && !configured.isBlank()) {
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
        log.warn("portal.secrets.key is not set: connector secrets and client emails are encrypted with the public "
                + "development key. Set PORTAL_SECRETS_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) "
                + "in production.");
        return developmentKey();
    }

    public static byte[] developmentKey() {
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
            log.info("Generated the key for encrypted values (connector secrets, client emails) in {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secrets key file " + file, e);
        }
    }
}
