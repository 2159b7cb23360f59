package com.ibportal.commissions;

import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.SymbolGroup;
import com.ibportal.shared.CurrencyCode;
import java.util.List;

/**
 * What an admin writes to make a plan version: the plan JSON of the API contract
 * ({@code {"name", "payoutCurrency", "symbolGroups", "rules"}}) as engine records. {@link PlanJson} reads and
 * writes it; {@link PlanService#put} validates it.
 */
public record PlanDocument(String name, CurrencyCode payoutCurrency, List<SymbolGroup> symbolGroups, List<Rule> rules) {

    public PlanDocument {
        symbolGroups = symbolGroups == null ? List.of() : List.copyOf(symbolGroups);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The engine's view of this document as version {@code version} of plan {@code planCode}. */
    public PlanVersion toPlanVersion(String planCode, int version) {
        return new PlanVersion(planCode, version, payoutCurrency, symbolGroups, rules);
    }
}
