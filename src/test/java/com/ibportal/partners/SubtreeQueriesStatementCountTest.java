package com.ibportal.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.clients.ClientService;
import com.ibportal.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The closure table's promise: "all clients of a master's subtree" and "a client's upline at t" are one SQL
 * statement each however big the network. Counted with MariaDB's per-session {@code Questions} inside one
 * transaction, so the shared test context stays as it is.
 */
@PortalIntegrationTest
class SubtreeQueriesStatementCountTest {

    private static final int PARTNERS = 10_000;
    private static final int[] LEVEL_SIZES = {1, 6, 36, 216, 1296}; // the rest (8,445) form the sixth level

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClientService clients;
    @Autowired
    PartnerService partners;
    @Autowired
    PlatformTransactionManager transactions;

    // built once for the class: the tree is big, and the tests only read it
    static String prefix;
    static List<String> codes;
    static String master;
    static String leafClient;

    @BeforeEach
    void bigTree() {
        if (codes == null) {
            build();
        }
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
    }

    private void build() {
        prefix = fixtures.unique("BIG");
        codes = buildTree();
        master = codes.getFirst();
        String leaf = codes.getLast();
        String middle = codes.get(1 + 6 + 2); // on the third level
        leafClient = fixtures.unique("C");
        fixtures.client(fixtures.unique("C"), master, Instant.now().minusSeconds(3600), null, null);
        fixtures.client(fixtures.unique("C"), middle, Instant.now().minusSeconds(3600), null, null);
        fixtures.client(leafClient, leaf, Instant.now().minusSeconds(3600), null, null);
        String outsider = fixtures.unique("X");
        fixtures.partner(outsider, null);
        fixtures.client(fixtures.unique("C"), outsider, Instant.now().minusSeconds(3600), null, null);
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void theCounterSeesExactlyTheStatementsSent() {
        assertThat(counted(() -> jdbc.sql("SELECT 1").query(Long.class).single()).statements()).isEqualTo(1);
        assertThat(counted(() -> {
            jdbc.sql("SELECT 1").query(Long.class).single();
            return jdbc.sql("SELECT 2").query(Long.class).single();
        }).statements()).isEqualTo(2);
    }

    @Test
    void clientsOfAWholeSubtreeAreCountedWithOneStatement() {
        // The service first finds the partner by code (a fixed lookup, whatever the tree's size); the rest must be one statement.
        Counted<PartnerSummary> lookup = counted(() -> partners.get(master));
        Counted<Long> count = counted(() -> clients.subtreeClientCount(master));

        assertThat(count.value()).isEqualTo(3);
        assertThat(lookup.statements()).isPositive();
        assertThat(count.statements() - lookup.statements()).isEqualTo(1);
    }

    @Test
    void aClientsUplineAtAnInstantIsOneStatement() {
        Counted<Upline> upline = counted(() -> clients.uplineAt(leafClient, Instant.now()));

        assertThat(upline.value().levels()).hasSize(6);
        assertThat(upline.value().codes().getLast()).isEqualTo(master);
        assertThat(upline.value().codes().getFirst()).isEqualTo(codes.getLast());
        assertThat(upline.statements()).isEqualTo(1);
    }

    record Counted<T>(T value, long statements) {
    }

    /** Runs the call in one transaction (so on one connection) and counts the statements the server received for it. */
    private <T> Counted<T> counted(Supplier<T> call) {
        return new TransactionTemplate(transactions).execute(status -> {
            long calibration = questions();
            long before = questions();
            T value = call.get();
            long after = questions();
            long perProbe = before - calibration; // the SHOW itself counts; take it out
            return new Counted<>(value, after - before - perProbe);
        });
    }

    private long questions() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Questions'").query((rs, row) -> rs.getLong(2)).single();
    }

    /** 10,000 partners, six levels deep, written straight into partner and partner_path in multi-row inserts. */
    private List<String> buildTree() {
        long first = reserveIds(PARTNERS);
        List<String> codes = new ArrayList<>(PARTNERS);
        long[] parent = new long[PARTNERS];
        int[] level = new int[PARTNERS];
        int index = 0;
        int levelStart = 0;
        for (int l = 0; l < 6; l++) {
            int size = l < LEVEL_SIZES.length ? LEVEL_SIZES[l] : PARTNERS - index;
            int previousStart = l == 0 ? 0 : levelStart - LEVEL_SIZES[l - 1];
            int previousSize = l == 0 ? 0 : LEVEL_SIZES[l - 1];
            for (int i = 0; i < size; i++, index++) {
                codes.add(prefix + "-" + index);
                level[index] = l;
                parent[index] = l == 0 ? -1 : previousStart + (i % previousSize);
            }
            levelStart = index;
        }
        String epoch = "'1970-01-01 00:00:00'";
        String now = "'2026-01-01 00:00:00'";
        var partnerRows = new ArrayList<String>(PARTNERS);
        var pathRows = new ArrayList<String>();
        for (int i = 0; i < PARTNERS; i++) {
            long id = first + i;
            String code = codes.get(i);
            partnerRows.add("(%d, '%s', 'Partner %s', '%s@ib.test', 'ACTIVE', %s, %s)".formatted(id, code, code,
                    code.toLowerCase(), parent[i] < 0 ? "NULL" : Long.toString(first + parent[i]), now));
            int ancestor = i;
            for (int depth = 0; depth <= level[i]; depth++) {
                pathRows.add("(%d, %d, %d, %s, NULL)".formatted(first + ancestor, id, depth, epoch));
                ancestor = (int) parent[ancestor];
            }
        }
        insert("INSERT INTO partner (id, code, name, email, status, parent_id, created_at) VALUES ", partnerRows);
        insert("INSERT INTO partner_path (ancestor_id, descendant_id, depth, valid_from, valid_to) VALUES ", pathRows);
        return codes;
    }

    private void insert(String head, List<String> rows) {
        for (int from = 0; from < rows.size(); from += 2_000) {
            var values = new StringJoiner(", ", head, "");
            rows.subList(from, Math.min(rows.size(), from + 2_000)).forEach(values::add);
            jdbc.sql(values.toString()).update();
        }
    }

    /**
     * Ids no one else will hand out: moves partner_seq past a block so Hibernate's pooled ranges
     * (below our first value, or above the new one) cannot reach it.
     */
    private long reserveIds(int count) {
        long next = jdbc.sql("SELECT NEXTVAL(partner_seq)").query(Long.class).single();
        jdbc.sql("SELECT SETVAL(partner_seq, ?)").param(next + count + 100).query().singleRow();
        return next + 1;
    }
}
