package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;

import java.util.List;
import java.util.Optional;

/**
 * One immutable version of a plan: its payout currency, its ordered symbol groups (the first group
 * that matches a symbol wins) and its rules. Lines keep the version they were computed with.
 * The engine takes plans that {@link PlanValidator} accepted.
 */
public record PlanVersion(String planCode, int version, CurrencyCode payoutCurrency,
                          List<SymbolGroup> symbolGroups, List<Rule> rules) {

    public PlanVersion {
        symbolGroups = Copies.list(symbolGroups);
        rules = Copies.list(rules);
    }

    /** The name of the first symbol group that matches the symbol, if any does. */
    public Optional<String> symbolGroupOf(String symbol) {
        // Indexed loops here and below: the engine runs them for every trade and level.
        for (int i = 0; i < symbolGroups.size(); i++) {
            if (symbolGroups.get(i).matches(symbol)) {
                return Optional.of(symbolGroups.get(i).name());
            }
        }
        return Optional.empty();
    }

    /** The plan's rule of that type; a valid plan holds at most one of each kind but OVERRIDE. */
    <R extends Rule> Optional<R> rule(Class<R> type) {
        for (int i = 0; i < rules.size(); i++) {
            if (type.isInstance(rules.get(i))) {
                return Optional.of(type.cast(rules.get(i)));
            }
        }
        return Optional.empty();
    }
}
