package com.ibportal.processing;

import com.ibportal.clients.ClientRegistration;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycStatus;
import com.ibportal.clients.KycTransition;
import com.ibportal.commissions.CommissionOutcome;
import com.ibportal.commissions.CommissionService;
import com.ibportal.commissions.TradeFacts;
import com.ibportal.commissions.TransferFacts;
import com.ibportal.ingestion.EventOutcome;
import com.ibportal.ingestion.InboxService;
import com.ibportal.ingestion.IngestedEventHandler;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.EventData;
import org.springframework.stereotype.Component;

/**
 * Applies canonical events to clients and commissions. An event of a client not registered yet
 * waits (parked under {@code client:<id>}) and is released by that client's registration, so a
 * deposit that overtakes its registration is applied once the registration arrives, never dropped.
 */
@Component
class CanonicalEventApplier implements IngestedEventHandler {

    private final ClientService clients;
    private final CommissionService commissions;
    private final InboxService inbox;

    private final ClientSources sources;

    CanonicalEventApplier(ClientService clients, CommissionService commissions, InboxService inbox,
                          ClientSources sources) {
        this.clients = clients;
        this.commissions = commissions;
        this.inbox = inbox;
        this.sources = sources;
    }

    static String clientWaitKey(String clientId) {
        return "client:" + clientId;
    }

    @Override
    public EventOutcome apply(CanonicalEvent event, long connectorId) {
        if (event.data() instanceof EventData.ClientRegistered registered) {
            if (connectorId > 0) {
                // before register: its ClientAttributed listener looks the connector up to queue the write-back
                sources.remember(event.clientId(), connectorId, event.occurredAt());
            }
            clients.register(new ClientRegistration(event.clientId(), event.occurredAt(), registered.referralCode(),
                    registered.campaign(), registered.email(), registered.country()));
            inbox.release(clientWaitKey(event.clientId()));
            return EventOutcome.processed();
        }
        if (!clients.lockIfKnown(event.clientId())) {
            return EventOutcome.parked(clientWaitKey(event.clientId()),
                    "waiting for the registration of client " + event.clientId());
        }
        CommissionOutcome outcome = switch (event.data()) {
            case EventData.KycChanged kyc -> kycChanged(event, kyc);
            case EventData.DepositCompleted deposit -> deposited(event, deposit);
            case EventData.WithdrawalCompleted withdrawal -> commissions.transferCompleted(new TransferFacts(event.id(),
                    event.clientId(), withdrawal.transactionId(), false, event.occurredAt(), withdrawal.amount(),
                    withdrawal.currency()));
            case EventData.DepositChargedBack chargeback ->
                    commissions.depositChargedBack(event.clientId(), chargeback.transactionId(), event.occurredAt());
            case EventData.TradeClosed trade -> tradeClosed(event, trade);
            case EventData.ClientRegistered registered -> throw new IllegalStateException("handled above");
        };
        return outcome.isDone() ? EventOutcome.processed() : EventOutcome.parked(outcome.waitKey(), outcome.reason());
    }

    private CommissionOutcome kycChanged(CanonicalEvent event, EventData.KycChanged kyc) {
        KycTransition transition = clients.recordKycChange(event.clientId(), KycStatus.valueOf(kyc.status().name()),
                event.occurredAt(), event.id());
        return commissions.kycChanged(transition, event.occurredAt());
    }

    private CommissionOutcome deposited(CanonicalEvent event, EventData.DepositCompleted deposit) {
        clients.recordDeposit(event.clientId(), event.occurredAt(), deposit.amount(), deposit.currency().code());
        CommissionOutcome outcome = commissions.transferCompleted(new TransferFacts(event.id(), event.clientId(),
                deposit.transactionId(), true, event.occurredAt(), deposit.amount(), deposit.currency()));
        inbox.release(CommissionOutcome.depositWaitKey(event.clientId(), deposit.transactionId()));
        return outcome;
    }

    private CommissionOutcome tradeClosed(CanonicalEvent event, EventData.TradeClosed trade) {
        clients.recordTradingAccount(event.clientId(), trade.platform().name(), trade.accountLogin(), trade.closedAt());
        return commissions.tradeClosed(new TradeFacts(event.id(), event.clientId(), trade.dealId(), trade.platform().name(),
                trade.accountLogin(), trade.symbol(), trade.lots(), trade.openedAt(), trade.closedAt(),
                trade.spreadRevenue(), trade.profit(), trade.swap(), trade.commission(), trade.currency()));
    }
}
