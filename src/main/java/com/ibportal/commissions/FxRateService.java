package com.ibportal.commissions;

import com.ibportal.commissions.engine.FxRates;
import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The FX rates table: how many quote one base buys on a UTC date. A stored rate never changes, because lines
 * were computed with it: recording the same rate again is a no-op, a different one is refused.
 */
@Service
public class FxRateService {

    /** DECIMAL(30,12). */
    private static final int MAX_SCALE = 12;
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_BATCH = 10_000;

    private final FxRateStore store;
    private final TableFxRates rates;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FxRateService(FxRateStore store, TableFxRates rates, CurrentUser currentUser, AuditTrail audit,
                  ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rates = rates;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the rates that are new, all or nothing. Errors name the entry: {@code [2].rate}. Publishes
     * {@link FxRatesRecorded} with the added rates when there are any.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public FxRatesResult record(List<FxRate> batch) {
        check(batch);
        record Key(LocalDate date, String base, String quote) {
        }
        Map<Key, BigDecimal> seen = new HashMap<>();
        List<FxRate> added = new ArrayList<>();
        List<FxRate> unchanged = new ArrayList<>();
        Instant now = clock.instant();
        String actor = currentUser.actorName();
        for (int i = 0; i < batch.size(); i++) {
            FxRate rate = batch.get(i);
            Key key = new Key(rate.date(), rate.base().code(), rate.quote().code());
            BigDecimal earlier = seen.get(key);
            Optional<BigDecimal> stored = earlier != null ? Optional.of(earlier)
                    : store.rateForUpdate(rate.date(), rate.base(), rate.quote());
            if (stored.isPresent()) {
                if (stored.get().compareTo(rate.rate()) != 0) {
                    throw new ConflictException("[" + i + "].rate: " + rate.base() + "/" + rate.quote() + " on " + rate.date()
                            + " is already " + FxRateStore.plain(stored.get()).toPlainString() + " and lines may have been"
                            + " computed with it; a stored rate cannot change");
                }
                unchanged.add(rate);
            } else {
                try {
                    store.insert(rate, now, actor);
                } catch (DuplicateKeyException concurrent) {
                    throw new ConflictException("[" + i + "].rate: " + rate.base() + "/" + rate.quote() + " on " + rate.date()
                            + " was recorded at the same moment by another request; send the batch again");
                }
                added.add(rate);
            }
            seen.put(key, rate.rate());
        }
        if (!added.isEmpty()) {
            audit.record("FX_RATES_RECORDED", added.size() + " rates", added.getFirst().date() + " … " + added.getLast().date());
            rates.recorded(added);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        rates.recorded(added);
                    }
                });
            }
            events.publishEvent(new FxRatesRecorded(added));
        }
        return new FxRatesResult(added, unchanged);
    }

    /** Rates of the UTC dates from {@code from} to {@code to}, both included, by date and pair. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<FxRate> list(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "must not be before from");
        }
        return store.between(from, to);
    }

    /**
     * The table as the engine's {@link FxRates}: the direct rate, else the inverse of the opposite pair, else
     * none; cached. The object itself does no access checks: rates are not confidential, and the ledger uses it
     * on its hot path.
     */
    @PreAuthorize("isAuthenticated()")
    public FxRates fxRates() {
        return rates;
    }

    private static void check(List<FxRate> batch) {
        if (batch == null || batch.isEmpty()) {
            throw InvalidInputException.of("body", "give at least one rate: [{date, base, quote, rate}]");
        }
        if (batch.size() > MAX_BATCH) {
            throw InvalidInputException.of("body", "at most " + MAX_BATCH + " rates per request");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String at = "[" + i + "].";
            FxRate rate = batch.get(i);
            if (rate == null) {
                problems.add(new FieldProblem("[" + i + "]", "must be an object {date, base, quote, rate}"));
                continue;
            }
            if (rate.date() == null) {
                problems.add(new FieldProblem(at + "date", "is required (YYYY-MM-DD)"));
            }
            if (rate.base() == null) {
                problems.add(new FieldProblem(at + "base", "is required"));
            }
            if (rate.quote() == null) {
                problems.add(new FieldProblem(at + "quote", "is required"));
            } else if (rate.quote().equals(rate.base())) {
                problems.add(new FieldProblem(at + "quote", "must differ from base"));
            }
            if (rate.rate() == null) {
                problems.add(new FieldProblem(at + "rate", "is required"));
            } else if (rate.rate().signum() <= 0) {
                problems.add(new FieldProblem(at + "rate", "must be positive: " + rate.rate().toPlainString()));
            } else if (rate.rate().stripTrailingZeros().scale() > MAX_SCALE) {
                problems.add(new FieldProblem(at + "rate", "has more than " + MAX_SCALE + " decimal places"));
            } else if (rate.rate().precision() - rate.rate().scale() > MAX_INTEGER_DIGITS) {
                problems.add(new FieldProblem(at + "rate", "is too large"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
