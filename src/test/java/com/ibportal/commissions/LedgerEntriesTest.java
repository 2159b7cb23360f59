package com.ibportal.commissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.LedgerFilter.Levels;
import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.ingestion.IngestedEventHandler;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** LedgerService.entries: filters applied in SQL, reversal links, and who may read whose lines. */
@PortalIntegrationTest
class LedgerEntriesTest {

    private static final Instant DAY_1 = Instant.parse("2026-09-01T09:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-09-01");
    private static final LocalDate TO = LocalDate.parse("2026-09-30");

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    IngestedEventHandler handler;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerService ledger;

    LedgerEvents.Network network;

    @BeforeEach
    void lines() throws Exception {
        network = new LedgerEvents(handler, transactions, mvc, fixtures).network(fixtures, DAY_1);
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    private void signInAs(String partnerCode) {
        fixtures.signIn(partnerCode.toLowerCase() + "@ib.test");
    }

    private static List<String> described(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.line().level() + " " + e.line().rule() + " " + e.line().amount() + " "
                + e.line().status() + " " + e.line().sourcePartnerCode()).toList();
    }

    private List<LedgerEntry> masterEntries(LineStatus status, RuleKind rule, Levels levels, String source) {
        return ledger.entries(network.master(), new LedgerFilter(FROM, TO, status, rule, levels, source));
    }

    @Test
    void filtersByStatusRuleLevelsAndSourcePartner() {
        signInAs(network.master());
        String m = network.master();
        String s = network.sub();
        assertThat(described(masterEntries(null, null, Levels.ALL, null))).containsExactly(
                "1 OVERRIDE 7.5000 PAYABLE " + s, "0 PER_LOT 10.0000 PENDING " + m,
                "1 OVERRIDE 3.0000 PENDING " + s, "1 OVERRIDE -3.0000 PENDING " + s);
        assertThat(described(masterEntries(null, null, Levels.OWN, null))).containsExactly("0 PER_LOT 10.0000 PENDING " + m);
        assertThat(described(masterEntries(null, null, Levels.OVERRIDES, s))).containsExactly(
                "1 OVERRIDE 7.5000 PAYABLE " + s, "1 OVERRIDE 3.0000 PENDING " + s, "1 OVERRIDE -3.0000 PENDING " + s);
        assertThat(described(masterEntries(LineStatus.PAYABLE, null, null, null))).containsExactly("1 OVERRIDE 7.5000 PAYABLE " + s);
        assertThat(described(masterEntries(null, RuleKind.PER_LOT, null, null))).containsExactly("0 PER_LOT 10.0000 PENDING " + m);
        assertThat(masterEntries(null, null, null, network.outsider())).isEmpty();
        assertThat(ledger.overrideSources(m, FROM, TO)).containsExactly(s);
        assertThat(ledger.overrideSources(s, FROM, TO)).isEmpty();
    }

    @Test
    void aReversedLineNamesTheLineThatReversesIt() {
        signInAs(network.master());
        List<LedgerEntry> overrides = masterEntries(null, null, Levels.OVERRIDES, null);
        LedgerEntry reversed = overrides.get(1);
        LedgerEntry reversal = overrides.get(2);
        assertThat(reversal.line().reversalOf()).isEqualTo(reversed.line().id());
        assertThat(reversed.reversedBy()).isEqualTo(reversal.line().id());
        assertThat(reversed.isReversed()).isTrue();
        assertThat(reversal.isReversal()).isTrue();
        assertThat(reversal.isReversed()).isFalse();
        assertThat(overrides.getFirst().isReversed()).isFalse();
        assertThat(overrides.getFirst().isReversal()).isFalse();
    }

    @Test
    void aSubIbReadsItsOwnLinesButNeverItsMastersNorAnOutsiders() {
        signInAs(network.sub());
        assertThat(described(ledger.entries(network.sub(), LedgerFilter.between(FROM, TO)))).containsExactly(
                "0 PER_LOT 17.5000 PAYABLE " + network.sub(), "0 PER_LOT 7.0000 PENDING " + network.sub(),
                "0 PER_LOT -7.0000 PENDING " + network.sub());
        assertThatThrownBy(() -> ledger.entries(network.master(), LedgerFilter.between(FROM, TO)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.overrideSources(network.master(), FROM, TO)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.entries(network.outsider(), LedgerFilter.between(FROM, TO)))
                .isInstanceOf(NotFoundException.class);
        // Filtering one's own lines by another partner's code reveals nothing of that partner's lines.
        assertThat(ledger.entries(network.sub(), new LedgerFilter(FROM, TO, null, null, null, network.master()))).isEmpty();
    }

    @Test
    void anInvertedRangeIsRefusedWithTheFieldNamed() {
        signInAs(network.master());
        assertThatThrownBy(() -> ledger.entries(network.master(), LedgerFilter.between(TO, FROM)))
                .isInstanceOf(InvalidInputException.class).hasMessage("to: must not be before from");
    }
}
