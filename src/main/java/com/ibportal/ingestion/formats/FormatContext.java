package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.ibportal.shared.CurrencyCode;

/**
 * One connector's settings that mapping needs. Everything is optional here; a format that needs a setting it lacks
 * fails with a {@link MappingException} that names the setting.
 *
 * @param serverId            short, stable name of the platform server; prefixes every event id so deal tickets of
 *                            two servers never collide (required by every platform format)
 * @param serverZone          time zone of the trade server; MT5 and MT4 write server-local times (default UTC)
 * @param unitsPerLot         symbol → units (contract size) per standard lot: 100000 for EURUSD, 100 for XAUUSD
 * @param ctraderSymbolNames  cTrader symbolId → symbol name, per server
 * @param clientIdsByLogin    account login → client id; a login not in it is its own client id
 * @param accountCurrency     currency of accounts whose records do not carry one (MT5, MT4, cTrader, …)
 * @param currenciesByLogin   per-account currency where accounts of one server differ
 * @param referralCodeField   the MT5 user field holding the referral code (default {@code LeadSource})
 * @param positionOpenings    open times of positions whose opening record came in an earlier payload
 * @param jsonMapping         the mapping of the {@code mapping} format
 */
public record FormatContext(String serverId, ZoneId serverZone, Map<String, BigDecimal> unitsPerLot,
                            Map<String, String> ctraderSymbolNames, Map<String, String> clientIdsByLogin,
                            CurrencyCode accountCurrency, Map<String, CurrencyCode> currenciesByLogin,
                            String referralCodeField, PositionOpenings positionOpenings, JsonMapping jsonMapping) {

    public FormatContext {
        serverZone = Objects.requireNonNullElse(serverZone, ZoneOffset.UTC);
        unitsPerLot = Map.copyOf(Objects.requireNonNullElse(unitsPerLot, Map.of()));
        ctraderSymbolNames = Map.copyOf(Objects.requireNonNullElse(ctraderSymbolNames, Map.of()));
        clientIdsByLogin = Map.copyOf(Objects.requireNonNullElse(clientIdsByLogin, Map.of()));
        currenciesByLogin = Map.copyOf(Objects.requireNonNullElse(currenciesByLogin, Map.of()));
        referralCodeField = Objects.requireNonNullElse(referralCodeField, "LeadSource");
        positionOpenings = Objects.requireNonNullElse(positionOpenings, PositionOpenings.NONE);
        if (serverId != null && (serverId.isBlank() || serverId.length() > 64 || serverId.contains(":"))) {
            throw new IllegalArgumentException("serverId must be 1 to 64 characters without ':' (it prefixes event ids)");
        }
        unitsPerLot.forEach((symbol, units) -> {
            if (units.signum() <= 0) {
                throw new IllegalArgumentException("unitsPerLot of " + symbol + " must be greater than zero");
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<BigDecimal> unitsPerLotOf(String symbol) {
        return Optional.ofNullable(unitsPerLot.get(symbol));
    }

    public Optional<CurrencyCode> currencyOf(String login) {
        return Optional.ofNullable(currenciesByLogin.getOrDefault(login, accountCurrency));
    }

    public String clientIdOf(String login) {
        return clientIdsByLogin.getOrDefault(login, login);
    }

    /** Fluent construction: connectors set only what their format needs. */
    public static final class Builder {
        private String serverId;
        private ZoneId serverZone;
        private final Map<String, BigDecimal> unitsPerLot = new HashMap<>();
        private final Map<String, String> ctraderSymbolNames = new HashMap<>();
        private final Map<String, String> clientIdsByLogin = new HashMap<>();
        private CurrencyCode accountCurrency;
        private final Map<String, CurrencyCode> currenciesByLogin = new HashMap<>();
        private String referralCodeField;
        private PositionOpenings positionOpenings;
        private JsonMapping jsonMapping;

        private Builder() {
        }

        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        public Builder serverZone(ZoneId serverZone) {
            this.serverZone = serverZone;
            return this;
        }

        public Builder unitsPerLot(String symbol, String units) {
            unitsPerLot.put(symbol, new BigDecimal(units));
            return this;
        }

        public Builder unitsPerLot(Map<String, BigDecimal> units) {
            unitsPerLot.putAll(units);
            return this;
        }

        public Builder ctraderSymbol(long symbolId, String name) {
            ctraderSymbolNames.put(Long.toString(symbolId), name);
            return this;
        }

        public Builder ctraderSymbolNames(Map<String, String> names) {
            ctraderSymbolNames.putAll(names);
            return this;
        }

        public Builder clientId(String login, String clientId) {
            clientIdsByLogin.put(login, clientId);
            return this;
        }

        public Builder clientIdsByLogin(Map<String, String> clientIds) {
            clientIdsByLogin.putAll(clientIds);
            return this;
        }

        public Builder accountCurrency(String currency) {
            this.accountCurrency = CurrencyCode.of(currency);
            return this;
        }

        public Builder accountCurrency(String login, String currency) {
            currenciesByLogin.put(login, CurrencyCode.of(currency));
            return this;
        }

        public Builder referralCodeField(String field) {
            this.referralCodeField = field;
            return this;
        }

        public Builder positionOpenings(PositionOpenings openings) {
            this.positionOpenings = openings;
            return this;
        }

        public Builder jsonMapping(JsonMapping mapping) {
            this.jsonMapping = mapping;
            return this;
        }

        public FormatContext build() {
            return new FormatContext(serverId, serverZone, unitsPerLot, ctraderSymbolNames, clientIdsByLogin,
                    accountCurrency, currenciesByLogin, referralCodeField, positionOpenings, jsonMapping);
        }
    }
}
