package com.ibportal.ingestion.canonical;

import com.ibportal.shared.CurrencyCode;
import static com.ibportal.ingestion.canonical.Violations.MAX_EMAIL_LENGTH;
import static com.ibportal.ingestion.canonical.Violations.MAX_IDENTIFIER_LENGTH;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code data} of a canonical event: one record per {@link EventType}. Optional fields are {@code null} when
 * absent. Every record checks its invariants when built and reports all of them in one {@link ValidationException}
 * whose field names are relative to {@code data}.
 */
public sealed interface EventData {

    /** {@code client.registered}: an unknown referral code is still accepted; attribution decides later. */
    record ClientRegistered(String referralCode, String campaign, String email, String country) implements EventData {
        public ClientRegistered {
            new Violations()
                    .optionalText("referralCode", referralCode, MAX_IDENTIFIER_LENGTH)
                    .optionalText("campaign", campaign, MAX_IDENTIFIER_LENGTH)
                    .optionalText("email", email, MAX_EMAIL_LENGTH)
                    .optionalText("country", country, MAX_IDENTIFIER_LENGTH)
                    .throwIfAny();
        }
    }

    /** {@code client.kyc_changed}. */
    record KycChanged(KycStatus status) implements EventData {
        public KycChanged {
            new Violations().required("status", status).throwIfAny();
        }
    }

    /** What deposits and withdrawals share; {@code amount} is always positive, the event type gives the direction. */
    sealed interface CashTransfer extends EventData permits DepositCompleted, WithdrawalCompleted {
        String transactionId();

        BigDecimal amount();

        CurrencyCode currency();

        String accountLogin();

        static void check(String transactionId, BigDecimal amount, CurrencyCode currency, String accountLogin) {
            new Violations()
                    .identifier("transactionId", transactionId)
                    .positive("amount", amount)
                    .required("currency", currency)
                    .optionalText("accountLogin", accountLogin, MAX_IDENTIFIER_LENGTH)
                    .throwIfAny();
        }
    }

    /** {@code deposit.completed}. */
    record DepositCompleted(String transactionId, BigDecimal amount, CurrencyCode currency, String accountLogin)
            implements CashTransfer {
        public DepositCompleted {
            CashTransfer.check(transactionId, amount, currency, accountLogin);
        }
    }

    /** {@code withdrawal.completed}. */
    record WithdrawalCompleted(String transactionId, BigDecimal amount, CurrencyCode currency, String accountLogin)
            implements CashTransfer {
        public WithdrawalCompleted {
            CashTransfer.check(transactionId, amount, currency, accountLogin);
        }
    }

    /** {@code deposit.charged_back}: names the deposit's {@code transactionId}. */
    record DepositChargedBack(String transactionId) implements EventData {
        public DepositChargedBack {
            new Violations().identifier("transactionId", transactionId).throwIfAny();
        }
    }

    /**
     * {@code trade.closed}: one closed trade (or the closed part of a position), in standard lots. Money is in
     * {@code currency}, signed as the client sees it (a commission the client paid is negative on MT5).
     */
    record TradeClosed(String dealId, String accountLogin, Platform platform, String symbol, BigDecimal lots,
                       Instant openedAt, Instant closedAt, BigDecimal spreadRevenue, BigDecimal profit,
                       BigDecimal swap, BigDecimal commission, CurrencyCode currency) implements EventData {
        public TradeClosed {
            new Violations()
                    .identifier("dealId", dealId)
                    .identifier("accountLogin", accountLogin)
                    .required("platform", platform)
                    .identifier("symbol", symbol)
                    .positive("lots", lots)
                    .required("openedAt", openedAt)
                    .required("closedAt", closedAt)
                    .notBefore("closedAt", closedAt, "openedAt", openedAt)
                    .required("currency", currency)
                    .throwIfAny();
        }
    }
}
