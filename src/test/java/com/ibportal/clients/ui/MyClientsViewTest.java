package com.ibportal.clients.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.clients.ClientDetails;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.SystemActor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.data.provider.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class MyClientsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProgramService programs;

    Program before;
    String master;
    String sub;
    String older;
    String newer;
    String ofSubSub;

    @BeforeEach
    void network() {
        before = SystemActor.call(programs::program);
        SystemActor.run(() -> programs.change(new Program(before.brokerName(), before.registrationUrl(), before.payoutCurrency(),
                before.minimumPayout(), true)));
        master = fixtures.unique("MC");
        sub = master + "-S";
        String subSub = sub + "-S";
        fixtures.ibWithLogin(master, null);
        fixtures.ibWithLogin(sub, master);
        fixtures.partner(subSub, sub);
        Instant now = Instant.now();
        fixtures.client(fixtures.unique("MCC"), master, now.minus(Duration.ofDays(1)), null, null);
        older = fixtures.unique("MCC");
        newer = fixtures.unique("MCC");
        ofSubSub = fixtures.unique("MCC");
        fixtures.client(older, sub, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(19)), new java.math.BigDecimal("500.00"));
        fixtures.client(newer, sub, now.minus(Duration.ofDays(2)), null, null);
        fixtures.client(ofSubSub, subSub, now.minus(Duration.ofDays(5)), null, null);
    }

    @AfterEach
    void restore() {
        SystemActor.run(() -> programs.change(before));
        fixtures.signOut();
    }

    @Test
    void subIbSeesOnlyItsSubtreesClientsNewestFirstWithMaskedEmails() {
        fixtures.signIn(sub.toLowerCase(Locale.ROOT) + "@ib.test");
        MyClientsView view = navigate(MyClientsView.class);
        List<ClientDetails> rows = fetch(view, 0, 50);
        assertThat(rows).extracting(ClientDetails::externalId).containsExactly(newer, ofSubSub, older);
        assertThat(rows).extracting(ClientDetails::partnerCode).containsExactly(sub, sub + "-S", sub);
        assertThat(rows).allSatisfy(c -> assertThat(c.email()).isEqualTo(c.externalId().toLowerCase(Locale.ROOT).charAt(0)
                + "***@client.test"));
        ClientDetails withFtd = rows.getLast();
        assertThat(withFtd.ftdAmount()).isEqualByComparingTo("500");
        assertThat(withFtd.ftdAt()).isNotNull();
    }

    @Test
    void theGridFetchesASliceAtATime() {
        fixtures.signIn(sub.toLowerCase(Locale.ROOT) + "@ib.test");
        MyClientsView view = navigate(MyClientsView.class);
        assertThat(view.grid.getDataProvider().size(new Query<>())).isEqualTo(3);
        assertThat(fetch(view, 1, 1)).extracting(ClientDetails::externalId).containsExactly(ofSubSub);
        assertThat(fetch(view, 2, 5)).extracting(ClientDetails::externalId).containsExactly(older);
    }

    private static List<ClientDetails> fetch(MyClientsView view, int offset, int limit) {
        return view.grid.getDataProvider().fetch(new Query<>(offset, limit, List.of(), null, null)).toList();
    }
}
