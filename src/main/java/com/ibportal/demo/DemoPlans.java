package com.ibportal.demo;

import com.ibportal.commissions.PlanDocument;
import com.ibportal.commissions.PlanJson;
import com.ibportal.ingestion.canonical.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo program's plans and who holds which: masters, their sub-IBs, and the introducers below them. */
final class DemoPlans {

    static final String MASTER = "DEMO-MASTER";
    static final String SUB_IB = "DEMO-SUB-IB";
    static final String INTRODUCER = "DEMO-INTRODUCER";

    private static final String GROUPS = """
            "symbolGroups": [{"name": "FX_MAJORS", "symbols": ["EURUSD", "GBPUSD", "USDJPY"]},
                             {"name": "METALS", "symbols": ["XAU*", "XAG*"]},
                             {"name": "OTHER", "symbols": ["*"]}]""";

    private DemoPlans() {
    }

    static Map<String, PlanDocument> documents() {
        Map<String, PlanDocument> plans = new LinkedHashMap<>();
        plans.put(MASTER, read("""
                {"name": "Master IB", "payoutCurrency": "USD", %s,
                 "rules": [{"kind": "PER_LOT", "rates": {"FX_MAJORS": "10.00", "METALS": "15.00", "OTHER": "4.00"}},
                           {"kind": "OVERRIDE", "mode": "RATE_DIFFERENCE", "maxDepth": 3}]}""".formatted(GROUPS)));
        plans.put(SUB_IB, read("""
                {"name": "Sub-IB", "payoutCurrency": "USD", %s,
                 "rules": [{"kind": "PER_LOT", "rates": {"FX_MAJORS": "7.00", "METALS": "11.00", "OTHER": "3.00"},
                            "minHoldSeconds": 60},
                           {"kind": "OVERRIDE", "mode": "RATE_DIFFERENCE", "maxDepth": 2}]}""".formatted(GROUPS)));
        plans.put(INTRODUCER, read("""
                {"name": "Introducer", "payoutCurrency": "USD", %s,
                 "rules": [{"kind": "CPA", "amount": "150.00", "minDeposit": "200.00", "minLots": "1.0", "windowDays": 30},
                           {"kind": "PER_LOT", "rates": {"FX_MAJORS": "5.00", "METALS": "8.00", "OTHER": "2.00"},
                            "minHoldSeconds": 60}]}""".formatted(GROUPS)));
        return plans;
    }

    /** IB-ALPHA is a master, IB-ALPHA-1 a sub-IB, IB-ALPHA-1-A an introducer. */
    static String planFor(String partnerCode) {
        int depth = partnerCode.split("-").length - 2;
        return depth <= 0 ? MASTER : depth == 1 ? SUB_IB : INTRODUCER;
    }

    private static PlanDocument read(String json) {
        return PlanJson.read(JsonValues.mapper().readTree(json));
    }
}
