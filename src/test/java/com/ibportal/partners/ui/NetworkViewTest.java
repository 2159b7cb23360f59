package com.ibportal.partners.ui;

import com.ibportal.processing.PipelineHarness;
import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.NetworkMember;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class NetworkViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    String master;
    String sub;
    String subSub;

    @BeforeEach
    void network() {
        master = fixtures.unique("NV");
        sub = master + "-S";
        subSub = sub + "-S";
        fixtures.ibWithLogin(master, null);
        fixtures.ibWithLogin(sub, master);
        fixtures.partner(subSub, sub);
        String outsider = fixtures.unique("NVX");
        fixtures.partner(outsider, null);

        Instant now = Instant.now();
        Instant monthStart = YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant thisMonth = now.minus(Duration.ofMinutes(1)).isBefore(monthStart) ? monthStart : now.minus(Duration.ofMinutes(1));
        Instant lastMonth = monthStart.minus(Duration.ofDays(10));
        // master: one registered this month with an FTD, one registered last month with its FTD this month
        fixtures.client(fixtures.unique("NVC"), master, thisMonth, thisMonth, new BigDecimal("100.00"));
        fixtures.client(fixtures.unique("NVC"), master, lastMonth, thisMonth, new BigDecimal("200.00"));
        // sub: one from last month without FTD, one this month without FTD, one from last month with its FTD last month
        fixtures.client(fixtures.unique("NVC"), sub, lastMonth, null, null);
        fixtures.client(fixtures.unique("NVC"), sub, thisMonth, null, null);
        fixtures.client(fixtures.unique("NVC"), sub, lastMonth, lastMonth.plusSeconds(60), new BigDecimal("50.00"));
        fixtures.client(fixtures.unique("NVC"), outsider, thisMonth, thisMonth, new BigDecimal("75.00"));
        // lots this month: the sub's client trades 1.25 + 0.50 lots this month and 3 lots last month
        PipelineHarness trades = PipelineHarness.create(context, mvc, fixtures.staff(com.ibportal.security.Role.ADMIN));
        String trader = fixtures.unique("NVT");
        fixtures.client(trader, sub, lastMonth.minus(Duration.ofDays(1)), null, null);
        trades.trade(trader + "-1", trader, "EURUSD", "1.25", thisMonth.minusSeconds(30), thisMonth, "USD");
        trades.trade(trader + "-2", trader, "EURUSD", "0.50", thisMonth.minusSeconds(30), thisMonth, "USD");
        trades.trade(trader + "-3", trader, "EURUSD", "3", lastMonth.minusSeconds(30), lastMonth, "USD");
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void masterSeesItsSubtreeNestedWithEachMembersOwnCountsForThisMonth() {
        fixtures.signIn(master.toLowerCase() + "@ib.test");
        NetworkView view = navigate(NetworkView.class);
        var data = view.tree.getTreeData();
        List<NetworkMember> roots = data.getRootItems();
        assertThat(roots).extracting(NetworkMember::code).containsExactly(master);
        NetworkMember root = roots.getFirst();
        assertThat(view.tree.isExpanded(root)).isTrue();
        assertThat(root.clients()).isEqualTo(2);
        assertThat(root.registrationsInMonth()).isEqualTo(1);
        assertThat(root.ftdsInMonth()).isEqualTo(2);

        NetworkMember subRow = data.getChildren(root).getFirst();
        assertThat(data.getChildren(root)).hasSize(1);
        assertThat(subRow.code()).isEqualTo(sub);
        assertThat(subRow.depth()).isEqualTo(1);
        assertThat(subRow.clients()).isEqualTo(4);
        assertThat(subRow.registrationsInMonth()).isEqualTo(1);
        assertThat(subRow.ftdsInMonth()).isZero();
        assertThat(subRow.lotsInMonth()).isEqualByComparingTo("1.75");
        assertThat(root.lotsInMonth()).isZero();

        assertThat(data.getChildren(subRow)).extracting(NetworkMember::code).containsExactly(subSub);
        NetworkMember subSubRow = data.getChildren(subRow).getFirst();
        assertThat(subSubRow.clients()).isZero();
        assertThat(data.getChildren(subSubRow)).isEmpty();
    }

    @Test
    void subIbSeesItselfAsTheRootAndNothingAboveOrBeside() {
        fixtures.signIn(sub.toLowerCase() + "@ib.test");
        NetworkView view = navigate(NetworkView.class);
        var data = view.tree.getTreeData();
        assertThat(data.getRootItems()).extracting(NetworkMember::code).containsExactly(sub);
        assertThat(data.getChildren(data.getRootItems().getFirst())).extracting(NetworkMember::code).containsExactly(subSub);
        assertThat(data.getRootItems().getFirst().parentId()).isNull();
    }
}
