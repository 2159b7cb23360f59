package com.ibportal.commissions;

import com.ibportal.clients.ClientForCommissions;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycStatus;
import com.ibportal.clients.KycTransition;
import com.ibportal.commissions.CommissionFacts.StoredTrade;
import com.ibportal.commissions.CommissionFacts.StoredTransfer;
import com.ibportal.commissions.engine.ClientHistory;
import com.ibportal.commissions.engine.ClientProfile;
import com.ibportal.commissions.engine.ClosedTrade;
import com.ibportal.commissions.engine.CommissionEngine;
import com.ibportal.commissions.engine.Deposit;
import com.ibportal.commissions.engine.EngineResult;
import com.ibportal.commissions.engine.Exclusion;
import com.ibportal.commissions.engine.KycApproval;
import com.ibportal.commissions.engine.LineDraft;
import com.ibportal.commissions.engine.PartnerOnPath;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.WrittenLine;
import com.ibportal.shared.Lots;
import com.ibportal.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns ingested events into ledger lines: stores each trade and transfer once, asks the engine for
 * the lines of every partner on the client's path at the event's instant, and posts them; reverses
 * lines when a client becomes ineligible, a first deposit is charged back, or attribution changes in
 * the past. Called by the event pipeline as the system.
 */
@Service
public class CommissionService {

    private final ClientService clients;
    private final CommissionEngine engine;
    private final Ledger ledger;
    private final CommissionFacts facts;
    private final TradeLines tradeLines;

    CommissionService(ClientService clients, CommissionEngine engine, Ledger ledger, CommissionFacts facts,
                      TradeLines tradeLines) {
        this.clients = clients;
        this.engine = engine;
        this.ledger = ledger;
        this.facts = facts;
        this.tradeLines = tradeLines;
    }

    /** A closed trade: its lines at every level, and CPA if the trade completes the client's qualification. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CommissionOutcome tradeClosed(TradeFacts trade) {
        facts.addTrade(trade);
        StoredTrade stored = facts.trade(trade.clientId(), trade.dealId()).orElseThrow();
        if (stored.computed()) {
            return CommissionOutcome.done(); // the same deal reported again, maybe under another event id
        }
        CommissionOutcome outcome = compute(stored, 0);
        if (!outcome.isDone()) {
            return outcome;
        }
        recomputeLaterTieredTrades(facts.trade(trade.clientId(), trade.dealId()).orElseThrow());
        return evaluateCpa(trade.clientId());
    }

    /**
     * A trade that arrives after later trades of the same partner and month changes their running
     * monthly lots, so under tiered rates their lines are reversed and computed again: the month ends
     * exactly as if the trades had arrived in order. Only partners whose plan holds tiers pay for this.
     */
    private void recomputeLaterTieredTrades(StoredTrade late) {
        if (late.directPartnerCode() == null) {
            return;
        }
        List<StoredTrade> later = facts.laterTradesInMonth(late.directPartnerCode(), late.trade());
        if (later.isEmpty() || !holdsTiers(late)) {
            return;
        }
        for (StoredTrade trade : later) {
            List<WrittenLine> lines = ledger.activeLinesOfEvent(trade.trade().clientId(), trade.trade().eventId(), 0).stream()
                    .filter(line -> line.line().rule() != RuleKind.CPA).toList();
            reverse(lines, "trade " + late.trade().eventId() + " closed earlier in the month arrived late; tiers recomputed",
                    late.trade().closedAt());
            compute(trade, 0);
        }
    }

    private boolean holdsTiers(StoredTrade trade) {
        return tradeLines.context(trade.trade()) instanceof TradeLines.Context.Payable payable
                && TradeLines.holds(payable.path().getFirst(), Rule.TieredPerLot.class);
    }

    /** A completed deposit or withdrawal; a deposit may be the FTD that starts a CPA qualification. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CommissionOutcome transferCompleted(TransferFacts transfer) {
        if (!facts.addTransfer(transfer) || !transfer.deposit()) {
            return CommissionOutcome.done();
        }
        return evaluateCpa(transfer.clientId());
    }

    /**
     * A deposit was charged back: if it was the first deposit, the client's CPA is reversed. A
     * chargeback of a deposit not seen yet waits for it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CommissionOutcome depositChargedBack(String clientId, String transactionId, Instant at) {
        Optional<StoredTransfer> deposit = facts.deposit(clientId, transactionId);
        if (deposit.isEmpty()) {
            return CommissionOutcome.waitingForDeposit(clientId, transactionId);
        }
        if (!facts.chargeBack(clientId, transactionId, at)) {
            return CommissionOutcome.done();
        }
        boolean wasFirst = facts.firstDeposit(clientId).map(d -> d.transactionId().equals(transactionId)).orElse(false);
        if (wasFirst) {
            reverse(ledger.activeLinesOfClientByRule(clientId, RuleKind.CPA),
                    "first deposit " + transactionId + " was charged back", at);
        }
        return CommissionOutcome.done();
    }

    /**
     * The client's effective KYC changed: approval makes its pending lines payable and may complete a
     * CPA; REJECTED, FLAGGED or DUPLICATE reverses every line of the client at every level; leaving
     * those statuses computes its events again.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CommissionOutcome kycChanged(KycTransition transition, Instant at) {
        String clientId = transition.externalId();
        if (transition.becameIneligible()) {
            reverse(ledger.activeLinesOfClient(clientId, Instant.EPOCH), "client KYC became " + transition.after(), at);
            return CommissionOutcome.done();
        }
        if (transition.becameEligibleAgain()) {
            CommissionOutcome outcome = recomputeClient(clientId, Instant.EPOCH, "client KYC became " + transition.after(), at);
            if (!outcome.isDone()) {
                return outcome;
            }
        }
        if (transition.becameApproved()) {
            ledger.markPayable(clientId);
        }
        return evaluateCpa(clientId);
    }

    /**
     * Attribution of the client changed from {@code from} on: every line of its events from then is
     * reversed and computed again for whoever owns them now.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CommissionOutcome recomputeClient(String clientId, Instant from, String reason, Instant at) {
        reverse(ledger.activeLinesOfClient(clientId, from), reason, at);
        CommissionOutcome outcome = CommissionOutcome.done();
        for (StoredTrade trade : facts.tradesOfClient(clientId, from, Instant.parse("9999-12-31T00:00:00Z"))) {
            CommissionOutcome result = compute(trade, 0);
            if (!result.isDone()) {
                outcome = result;
            }
        }
        CommissionOutcome cpa = evaluateCpa(clientId);
        return outcome.isDone() ? cpa : outcome;
    }

    /**
     * A partner moved under another master from {@code from}: the override lines of its subtree's
     * trades from then are reversed and computed again along the new upline. Direct lines do not
     * depend on the upline and stay.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recomputeUplineOf(String partnerCode, Instant from, String reason, Instant at) {
        for (StoredTrade trade : facts.tradesInSubtreeFrom(partnerCode, from)) {
            reverse(ledger.activeLinesOfEvent(trade.trade().clientId(), trade.trade().eventId(), 1), reason, at);
            compute(trade, 1);
        }
    }

    /** Computes a stored trade's lines of levels at or above {@code minLevel} and posts them. */
    private CommissionOutcome compute(StoredTrade stored, int minLevel) {
        ClosedTrade trade = stored.trade();
        switch (tradeLines.context(trade)) {
            case TradeLines.Context.Organic organic -> facts.markComputed(stored.id(), null); // nobody earns from it
            case TradeLines.Context.Ineligible ineligible -> {
                ledger.recordExclusions(trade.eventId(), List.of(new Exclusion(ineligible.directPartnerCode(), 0, null,
                        trade.eventId(), "client is not eligible: KYC " + ineligible.kycStatus())), trade.clientId(),
                        trade.closedAt());
                facts.markComputed(stored.id(), ineligible.directPartnerCode());
            }
            case TradeLines.Context.Payable payable -> {
                EngineResult result = tradeLines.compute(trade, payable, UnaryOperator.identity());
                if (result.isWaitingForFxRate()) {
                    return CommissionOutcome.waitingFor(result.missingFxRate().orElseThrow());
                }
                ledger.post(result.lines().stream().filter(l -> l.level() >= minLevel).toList());
                if (minLevel == 0) {
                    ledger.recordExclusions(trade.eventId(), result.exclusions(), trade.clientId(), trade.closedAt());
                } else {
                    ledger.addExclusions(result.exclusions().stream().filter(e -> e.level() >= minLevel).toList(),
                            trade.clientId(), trade.closedAt());
                }
                facts.markComputed(stored.id(), payable.directPartnerCode());
            }
        }
        return CommissionOutcome.done();
    }

    /**
     * Pays the client's CPA once it qualifies: to the partner it belonged to at its first deposit,
     * under the plan that partner held then. Asked again after every event that could complete it.
     */
    private CommissionOutcome evaluateCpa(String clientId) {
        Optional<StoredTransfer> ftd = facts.firstDeposit(clientId);
        if (ftd.isEmpty() || !ledger.activeLinesOfClientByRule(clientId, RuleKind.CPA).isEmpty()) {
            return CommissionOutcome.done();
        }
        StoredTransfer deposit = ftd.get();
        ClientForCommissions client = clients.forCommissions(clientId, deposit.occurredAt()).orElseThrow();
        if (client.path().isEmpty() || client.kycStatus().makesIneligible()) {
            return CommissionOutcome.done();
        }
        PartnerOnPath direct = tradeLines.onPath(client, deposit.occurredAt()).getFirst();
        Optional<Rule.Cpa> cpa = TradeLines.rule(direct, Rule.Cpa.class);
        if (cpa.isEmpty()) {
            return CommissionOutcome.done();
        }
        if (deposit.chargedBackAt() != null) {
            ledger.recordExclusions("cpa:" + clientId, List.of(new Exclusion(direct.partnerCode(), 0, RuleKind.CPA,
                    deposit.eventId(), "first deposit " + deposit.transactionId() + " was charged back")), clientId,
                    deposit.occurredAt());
            return CommissionOutcome.done();
        }
        Instant windowEnd = cpa.get().windowDays() == null ? Instant.parse("9999-12-31T00:00:00Z")
                : deposit.occurredAt().plus(Duration.ofDays(cpa.get().windowDays()));
        List<ClosedTrade> trades = facts.tradesOfClient(clientId, deposit.occurredAt(), windowEnd).stream()
                .map(StoredTrade::trade).toList();
        KycApproval approval = client.approvedAt() == null ? null : new KycApproval(client.approvalEventId(), client.approvedAt());
        ClientHistory history = new ClientHistory(new ClientProfile(clientId, client.email(), approval != null),
                new Deposit(deposit.eventId(), deposit.occurredAt(), Money.of(deposit.amount(), deposit.currency())),
                approval, trades);
        EngineResult result = engine.cpa(direct, history);
        if (result.isWaitingForFxRate()) {
            return CommissionOutcome.waitingFor(result.missingFxRate().orElseThrow());
        }
        // Exclusions say why the CPA is not paid yet; they are replaced each time the client is looked at.
        ledger.recordExclusions("cpa:" + clientId, result.exclusions().stream()
                .map(e -> new Exclusion(e.partnerCode(), e.level(), e.rule(), "cpa:" + clientId, e.reason())).toList(),
                clientId, deposit.occurredAt());
        ledger.post(result.lines());
        return CommissionOutcome.done();
    }

    private void reverse(List<WrittenLine> lines, String reason, Instant at) {
        List<LineDraft> reversals = new ArrayList<>(lines.size());
        for (WrittenLine line : lines) {
            reversals.add(line.reversal(reason, at));
        }
        ledger.post(reversals);
    }

}
