package com.ibportal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithTheSameKeyOnly() {
        SecretCipher cipher = SecretCipher.withKey(new byte[32]);
        String sealed = cipher.encrypt("whsec_abc");
        assertThat(sealed).startsWith("v1:").doesNotContain("abc");
        assertThat(cipher.encrypt("whsec_abc")).as("a fresh nonce per value").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("whsec_abc");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> SecretCipher.withKey(other).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("portal.secrets.key");
    }

    @Test
    void theEmbeddedDatabaseKeepsAGeneratedKeyNextToItsData() throws Exception {
        SecretCipher first = new SecretCipher("", true, dir);
        String sealed = first.encrypt("whsec_x");
        assertThat(Files.exists(dir.resolve("secrets.key"))).isTrue();
        assertThat(new SecretCipher("", true, dir).decrypt(sealed)).as("the same key after a restart").isEqualTo("whsec_x");
    }

    @Test
    void aConfiguredKeyWinsAndMustBe32Bytes() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String sealed = new SecretCipher(key, true, dir).encrypt("s");
        assertThat(SecretCipher.withKey(new byte[32]).decrypt(sealed)).isEqualTo("s");
        assertThat(Files.exists(dir.resolve("secrets.key"))).isFalse();
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=", false, dir)).hasMessageContaining("32 random bytes");
        assertThat(new SecretCipher("", false, dir).decrypt(SecretCipher.withKey(SecretCipher.developmentKey()).encrypt("d")))
                .isEqualTo("d");
    }
}
