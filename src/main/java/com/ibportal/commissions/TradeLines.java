package com.ibportal.commissions;

import com.ibportal.clients.ClientForCommissions;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycStatus;
import com.ibportal.commissions.CommissionFacts.StoredTrade;
import com.ibportal.commissions.engine.ClientProfile;
import com.ibportal.commissions.engine.ClosedTrade;
import com.ibportal.commissions.engine.CommissionEngine;
import com.ibportal.commissions.engine.EngineResult;
import com.ibportal.commissions.engine.PartnerOnPath;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.shared.Lots;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Gathers what the engine needs for one stored trade (the client, its path at the close with each
 * partner's plan then, the running monthly lots) and asks it for the lines. Shared by posting,
 * replay and what-if, so all three compute the same way; it writes nothing.
 */
@Component
class TradeLines {

    private final ClientService clients;
    private final PlanService plans;
    private final CommissionEngine engine;
    private final CommissionFacts facts;

    TradeLines(ClientService clients, PlanService plans, CommissionEngine engine, CommissionFacts facts) {
        this.clients = clients;
        this.plans = plans;
        this.engine = engine;
        this.facts = facts;
    }

    /** Who the trade pays and how, before the engine runs: organic, ineligible, or a path to compute. */
    sealed interface Context {
        record Organic() implements Context {
        }

        record Ineligible(String directPartnerCode, KycStatus kycStatus) implements Context {
        }

        record Payable(ClientForCommissions client, List<PartnerOnPath> path) implements Context {
            String directPartnerCode() {
                return path.getFirst().partnerCode();
            }
        }
    }

    Context context(ClosedTrade trade) {
        ClientForCommissions client = clients.forCommissions(trade.clientId(), trade.closedAt()).orElseThrow();
        if (client.path().isEmpty()) {
            return new Context.Organic();
        }
        if (client.kycStatus().makesIneligible()) {
            return new Context.Ineligible(client.path().getFirst().partnerCode(), client.kycStatus());
        }
        return new Context.Payable(client, onPath(client, trade.closedAt()));
    }

    /** The engine's answer for the trade on this path; {@code plansSwap} lets what-if put draft plans on it. */
    EngineResult compute(ClosedTrade trade, Context.Payable payable, UnaryOperator<List<PartnerOnPath>> plansSwap) {
        List<PartnerOnPath> path = plansSwap.apply(payable.path());
        Lots monthLotsBefore = holds(path.getFirst(), Rule.TieredPerLot.class)
                ? facts.monthLotsBefore(payable.directPartnerCode(), monthStart(trade.closedAt()), trade) : Lots.ZERO;
        ClientForCommissions client = payable.client();
        return engine.closedTrade(trade, path,
                new ClientProfile(trade.clientId(), client.email(), client.kycStatus() == KycStatus.APPROVED), monthLotsBefore);
    }

    List<PartnerOnPath> onPath(ClientForCommissions client, Instant at) {
        Map<String, PlanVersion> versions = plans.planVersionsAt(
                client.path().stream().map(ClientForCommissions.PathPartner::partnerCode).toList(), at);
        List<PartnerOnPath> path = new ArrayList<>(client.path().size());
        for (ClientForCommissions.PathPartner partner : client.path()) {
            path.add(new PartnerOnPath(partner.partnerCode(), partner.email(), versions.get(partner.partnerCode())));
        }
        return path;
    }

    static boolean holds(PartnerOnPath partner, Class<? extends Rule> kind) {
        return rule(partner, kind).isPresent();
    }

    static <R extends Rule> Optional<R> rule(PartnerOnPath partner, Class<R> kind) {
        if (partner.planVersion() == null) {
            return Optional.empty();
        }
        return partner.planVersion().rules().stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    private static Instant monthStart(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
