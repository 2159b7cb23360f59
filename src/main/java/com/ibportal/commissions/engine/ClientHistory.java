package com.ibportal.commissions.engine;

import java.util.List;
import java.util.Objects;

/**
 * What CPA qualification looks at: the client, its first deposit and KYC approval ({@code null}
 * while they have not happened) and its closed trades.
 */
public record ClientHistory(ClientProfile client, Deposit firstDeposit, KycApproval kycApproval,
                            List<ClosedTrade> closedTrades) {

    public ClientHistory {
        Objects.requireNonNull(client, "client");
        closedTrades = List.copyOf(closedTrades);
    }
}
