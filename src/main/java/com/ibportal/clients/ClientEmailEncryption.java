package com.ibportal.clients;

import com.ibportal.security.SystemActor;
import com.ibportal.shared.Encryption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts the client emails stored in plain text before emails were encrypted. SQL cannot do it (the key is the
 * application's), so it runs at start-up, as the system, a chunk per transaction; a row is rewritten only if it still
 * holds the plain value read, so a concurrent writer is never overwritten. Idempotent: sealed rows are skipped.
 */
@Component
@Order(5)
class ClientEmailEncryption implements ApplicationRunner {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ClientEmailEncryption.class);

    private final JdbcClient jdbc;
    private final ClientEmailCipher cipher;
    private final TransactionTemplate transactions;

    ClientEmailEncryption(JdbcClient jdbc, ClientEmailCipher cipher, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long sealed = SystemActor.call(this::encryptPlainEmails);
        if (sealed > 0) {
            log.info("Encrypted {} client emails stored in plain text", sealed);
        }
    }

    /** @return how many rows were encrypted */
    long encryptPlainEmails() {
        long total = 0;
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<PlainEmail> chunk = jdbc.sql("""
                            SELECT id, email FROM client
                            WHERE id > :after AND email IS NOT NULL AND email NOT LIKE :prefix
                            ORDER BY id LIMIT :chunk
                            """).param("after", from).param("prefix", Encryption.VERSION + "%").param("chunk", CHUNK)
                    .query((rs, row) -> new PlainEmail(rs.getLong("id"), rs.getString("email"))).list();
            if (chunk.isEmpty()) {
                return total;
            }
            Integer done = transactions.execute(status -> {
                int n = 0;
                for (PlainEmail row : chunk) {
                    n += jdbc.sql("UPDATE client SET email = :sealed WHERE id = :id AND email = :plain")
                            .param("sealed", cipher.seal(row.email())).param("id", row.id()).param("plain", row.email())
                            .update();
                }
                return n;
            });
            total += done == null ? 0 : done;
            afterId = chunk.getLast().id();
        }
    }

    private record PlainEmail(long id, String email) {
    }
}
