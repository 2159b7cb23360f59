package com.ibportal.commissions.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.ibportal.commissions.engine.Fixtures.USD;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReversalTest {

    private static final Instant CLOSED_AT = Instant.parse("2026-10-01T10:00:00Z");
    private static final Instant REJECTED_AT = Instant.parse("2026-10-05T08:00:00Z");
    private static final LineDraft LINE = new LineDraft("M", 1, RuleKind.OVERRIDE, dec("7.5000"), USD,
            LineStatus.PENDING, "T-1", "C-1", CLOSED_AT, "MASTER", 3, "S", "2.50 lots EURUSD × (10.00 − 7.00) USD/lot",
            null);

    @Test
    void aReversalCancelsTheLineForTheSamePartnerLevelRuleAndEvent() {
        LineDraft reversal = new WrittenLine(42, LINE, LineStatus.PAYABLE).reversal("client KYC REJECTED", REJECTED_AT);

        assertThat(reversal.amount()).isEqualByComparingTo("-7.50");
        assertThat(reversal.reversalOf()).isEqualTo(42L);
        assertThat(reversal.occurredAt()).isEqualTo(REJECTED_AT);
        assertThat(reversal.status()).isEqualTo(LineStatus.PAYABLE);
        assertThat(reversal.explanation()).isEqualTo("reversal of line #42 (7.5000 USD OVERRIDE): client KYC REJECTED");
        assertThat(reversal).usingRecursiveComparison()
                .comparingOnlyFields("partnerCode", "level", "rule", "currency", "eventId", "clientId", "planCode",
                        "planVersion", "sourcePartnerCode")
                .isEqualTo(LINE);
    }

    @Test
    void aPendingLinesReversalStaysPendingSoBothCancelBeforeAnyPayout() {
        LineDraft reversal = new WrittenLine(42, LINE, LineStatus.PENDING).reversal("client KYC REJECTED", REJECTED_AT);

        assertThat(reversal.status()).isEqualTo(LineStatus.PENDING);
    }

    @Test
    void aReversalIsNotReversedAgain() {
        LineDraft reversal = new WrittenLine(42, LINE, LineStatus.PAYABLE).reversal("client KYC REJECTED", REJECTED_AT);

        assertThatThrownBy(() -> new WrittenLine(43, reversal, LineStatus.PAYABLE).reversal("again", REJECTED_AT))
                .isInstanceOf(IllegalStateException.class);
    }
}
