package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides from a client's history whether and when it qualified for its direct partner's CPA. The
 * answer depends on the history only, so asking again after every event gives the same line.
 */
final class CpaQualification {

    private CpaQualification() {
    }

    /** A condition met by an event at an instant. */
    private record Milestone(String eventId, Instant at) {
    }

    static EngineResult qualify(PartnerOnPath partner, ClientHistory history, Fx fx) {
        PlanVersion plan = partner.planVersion();
        Optional<Rule.Cpa> rule = plan == null ? Optional.empty() : plan.rule(Rule.Cpa.class);
        Deposit ftd = history.firstDeposit();
        if (rule.isEmpty() || ftd == null) {
            return EngineResult.nothing();
        }
        if (history.client().isSelfReferredBy(partner)) {
            return EngineResult.excluded(Exclusion.selfReferral(partner, ftd.eventId()));
        }
        Rule.Cpa cpa = rule.get();
        Instant windowEnd = cpa.windowDays() == null ? null : ftd.occurredAt().plus(Duration.ofDays(cpa.windowDays()));
        String window = windowEnd == null ? "" : " within " + cpa.windowDays() + " days of the first deposit";

        Fx.Converted deposit = fx.convert(ftd.amount().amount(), ftd.amount().currency(), plan.payoutCurrency(),
                ftd.occurredAt());
        if (deposit.amount().compareTo(cpa.minDeposit()) < 0) {
            return notQualified(partner, ftd, "first deposit " + deposit.explanation() + " is below minDeposit "
                    + Decimals.plain(cpa.minDeposit()) + " " + plan.payoutCurrency());
        }
        StringBuilder conditions = new StringBuilder("first deposit " + deposit.explanation() + " ≥ minDeposit "
                + Decimals.plain(cpa.minDeposit()) + " " + plan.payoutCurrency());
        Milestone last = new Milestone(ftd.eventId(), ftd.occurredAt());

        KycApproval kyc = history.kycApproval();
        if (kyc == null) {
            return notQualified(partner, ftd, "KYC is not approved");
        }
        conditions.append(", KYC approved ").append(kyc.approvedAt());
        last = later(last, new Milestone(kyc.eventId(), kyc.approvedAt()));

        if (cpa.minLots() != null) {
            BigDecimal lots = BigDecimal.ZERO;
            Milestone reached = null;
            for (ClosedTrade trade : inWindow(history.closedTrades(), ftd.occurredAt(), windowEnd)) {
                lots = lots.add(trade.lots().value());
                if (lots.compareTo(cpa.minLots()) >= 0) {
                    reached = new Milestone(trade.eventId(), trade.closedAt());
                    break;
                }
            }
            if (reached == null) {
                return notQualified(partner, ftd, "closed " + Decimals.plain(lots) + " lots" + window
                        + ", below minLots " + Decimals.plain(cpa.minLots()));
            }
            conditions.append(", ").append(Decimals.plain(lots)).append(" lots ≥ minLots ")
                    .append(Decimals.plain(cpa.minLots())).append(" by ").append(reached.at());
            last = later(last, reached);
        }
        if (windowEnd != null && last.at().isAfter(windowEnd)) {
            return notQualified(partner, ftd, "conditions met only at " + last.at() + ", after the window closed at "
                    + windowEnd + "; a client that does not qualify inside the window never does");
        }
        LineOrigin origin = new LineOrigin(last.eventId(), history.client().clientId(), last.at(),
                history.client().lineStatus(), partner.partnerCode());
        return EngineResult.of(List.of(origin.line(partner, 0, RuleKind.CPA, cpa.amount(),
                "CPA " + Decimals.plain(cpa.amount()) + " " + plan.payoutCurrency() + ": " + conditions + window
                        + ", qualified at " + last.at() + "; path "
                        + LineOrigin.path(history.client().clientId(), partner.partnerCode()))), List.of());
    }

    // Ties go to the later condition so the line points at the event checked last.
    private static Milestone later(Milestone a, Milestone b) {
        return a.at().isAfter(b.at()) ? a : b;
    }

    private static List<ClosedTrade> inWindow(List<ClosedTrade> trades, Instant from, Instant until) {
        return trades.stream()
                .filter(trade -> !trade.closedAt().isBefore(from))
                .filter(trade -> until == null || !trade.closedAt().isAfter(until))
                .sorted(Comparator.comparing(ClosedTrade::closedAt).thenComparing(ClosedTrade::eventId))
                .toList();
    }

    private static EngineResult notQualified(PartnerOnPath partner, Deposit ftd, String reason) {
        return EngineResult.excluded(new Exclusion(partner.partnerCode(), 0, RuleKind.CPA, ftd.eventId(),
                "not qualified: " + reason));
    }
}
