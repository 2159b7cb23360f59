package com.ibportal.commissions;

import com.ibportal.commissions.engine.FxRates;
import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The engine's rates from the table: the stored rate of the pair, else 1 / the stored rate of the opposite pair
 * (12 decimals, HALF_EVEN), else none; no cross rates. Rates found are cached for ever, since a stored rate is
 * never changed; "none" is not cached, so a rate recorded later is seen at once (a missing rate parks an event,
 * which is retried rarely).
 */
@Component
class TableFxRates implements FxRates {

    static final int INVERSE_SCALE = 12;

    record Key(LocalDate date, CurrencyCode base, CurrencyCode quote) {
    }

    private final FxRateStore store;
    private final Map<Key, BigDecimal> found = new ConcurrentHashMap<>();

    TableFxRates(FxRateStore store) {
        this.store = store;
    }

    @Override
    public Optional<BigDecimal> rate(LocalDate utcDate, CurrencyCode base, CurrencyCode quote) {
        Key key = new Key(utcDate, base, quote);
        BigDecimal cached = found.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        BigDecimal direct = null;
        BigDecimal opposite = null;
        for (FxRate row : store.pairBothWays(utcDate, base, quote)) {
            if (row.base().equals(base)) {
                direct = row.rate();
            } else {
                opposite = row.rate();
            }
        }
        BigDecimal rate = direct != null ? direct
                : opposite != null ? BigDecimal.ONE.divide(opposite, INVERSE_SCALE, RoundingMode.HALF_EVEN) : null;
        if (rate != null) {
            found.put(key, rate);
        }
        return Optional.ofNullable(rate);
    }

    /** Forgets what was read of these rates' days: an inverse cached before the direct rate was stored would hide it. */
    void recorded(Collection<FxRate> added) {
        for (FxRate rate : added) {
            found.remove(new Key(rate.date(), rate.base(), rate.quote()));
            found.remove(new Key(rate.date(), rate.quote(), rate.base()));
        }
    }
}
