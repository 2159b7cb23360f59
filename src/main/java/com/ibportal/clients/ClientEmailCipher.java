package com.ibportal.clients;

import com.ibportal.shared.Encryption;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Client emails at rest: AES-256-GCM under {@code portal.secrets.key} (the connector secrets' key), labelled so a
 * connector secret copied into the column does not decrypt as an email. {@code email_hash} stays the matching key.
 */
@Component
class ClientEmailCipher {

    private final Encryption encryption;

    @Autowired
    ClientEmailCipher(@Value("${portal.secrets.key:}") String configuredKey,
                      @Value("${portal.database.embedded:true}") boolean embeddedDatabase,
                      @Value("${portal.database.embedded-dir:./data/mariadb}") Path embeddedDir) {
        this(Encryption.resolveKey(configuredKey, embeddedDatabase, embeddedDir));
    }

    ClientEmailCipher(byte[] key) {
        this.encryption = Encryption.withKey(key, "client email");
    }

    /** Null stays null: a client may have registered without an email. */
    String seal(String email) {
        return email == null ? null : encryption.encrypt(email);
    }

    /**
     * The address; a row still in plain text (written before encryption, until {@link ClientEmailEncryption} has run
     * at start-up) is returned as it is, so requests served during that window do not fail.
     *
     * @throws IllegalStateException when the key is not the one the value was sealed with
     */
    String open(String stored) {
        if (stored == null || !Encryption.isEncrypted(stored)) {
            return stored;
        }
        return encryption.decrypt(stored);
    }
}
