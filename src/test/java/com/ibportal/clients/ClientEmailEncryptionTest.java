package com.ibportal.clients;

import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.ibportal.shared.Encryption;
import com.ibportal.shared.Hashing;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ClientEmailEncryptionTest {

    private static final Instant REGISTERED = Instant.parse("2026-03-04T05:06:07Z");

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClientEmailEncryption migration;
    @Autowired
    ClientEmailCipher cipher;
    @Autowired
    ClientService clients;

    @Test
    void theEmailIsStoredEncryptedNextToItsHashAndStaffReadItPlain() throws Exception {
        String partner = fixtures.unique("P");
        fixtures.partner(partner, null);
        String client = fixtures.unique("cl");
        fixtures.client(client, partner, REGISTERED, null, null);
        String email = client.toLowerCase(Locale.ROOT) + "@client.test";

        String stored = storedEmail(client);
        assertThat(stored).startsWith("v1:").doesNotContain(email).doesNotContain("client.test");
        assertThat(jdbc.sql("SELECT email_hash FROM client WHERE external_id = :id").param("id", client)
                .query(String.class).single()).as("matching still uses the hash").isEqualTo(Hashing.sha256Hex(email));
        for (Role staff : new Role[] {Role.ADMIN, Role.FINANCE}) {
            PortalUser user = fixtures.staff(staff);
            mvc.perform(get("/api/v1/clients/" + client).with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.email").value(email));
        }
        assertThat(SystemActor.call(() -> clients.forCommissions(client, REGISTERED)).orElseThrow().email())
                .as("the self-referral check gets the address").isEqualTo(email);
    }

    @Test
    void aPlainEmailFromBeforeEncryptionIsEncryptedAtStartUp() {
        String partner = fixtures.unique("P");
        fixtures.partner(partner, null);
        String client = fixtures.unique("cl");
        fixtures.client(client, partner, REGISTERED, null, null);
        String plain = "legacy-" + client.toLowerCase(Locale.ROOT) + "@client.test";
        jdbc.sql("UPDATE client SET email = :plain WHERE external_id = :id").param("plain", plain).param("id", client).update();

        assertThat(migration.encryptPlainEmails()).isGreaterThanOrEqualTo(1);

        String stored = storedEmail(client);
        assertThat(stored).startsWith("v1:").doesNotContain("legacy");
        assertThat(cipher.open(stored)).isEqualTo(plain);
        assertThat(SystemActor.call(() -> clients.get(client)).email()).isEqualTo(plain);
        assertThat(migration.encryptPlainEmails()).as("sealed rows are left alone").isZero();
        assertThat(storedEmail(client)).isEqualTo(stored);
    }

    @Test
    void anEmailSealedWithAnotherKeyFailsClearly() {
        String sealed = new ClientEmailCipher(new byte[32]).seal("a@b.test");
        byte[] other = new byte[32];
        other[0] = 7;
        assertThatThrownBy(() -> new ClientEmailCipher(other).open(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client email").hasMessageContaining("portal.secrets.key");
        String connectorSecret = Encryption.withKey(new byte[32], "connector secret").encrypt("a@b.test");
        assertThatThrownBy(() -> new ClientEmailCipher(new byte[32]).open(connectorSecret))
                .as("a value from another encrypted column does not decrypt as an email")
                .isInstanceOf(IllegalStateException.class);
        assertThat(new ClientEmailCipher(new byte[32]).open(sealed)).isEqualTo("a@b.test");
    }

    private String storedEmail(String client) {
        return jdbc.sql("SELECT email FROM client WHERE external_id = :id").param("id", client).query(String.class).single();
    }
}
