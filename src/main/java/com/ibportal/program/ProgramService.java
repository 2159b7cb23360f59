package com.ibportal.program;

import com.ibportal.security.AuditTrail;
import com.ibportal.shared.InvalidInputException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProgramService {

    private final ProgramSettingsStore store;
    private final AuditTrail audit;
    private final Clock clock;
    // Implemented by the commissions module, which depends on this one.
    private final ObjectProvider<PlanCatalog> plans;

    ProgramService(ProgramSettingsStore store, AuditTrail audit, Clock clock, ObjectProvider<PlanCatalog> plans) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.plans = plans;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public Program program() {
        return settings().toProgram();
    }

    /** The settings any module needs to do its work (registration URL, PII masking, currency); no role check because they reveal nothing about partners. */
    @Transactional(readOnly = true)
    public Program programForInternalUse() {
        return settings().toProgram();
    }

    /** Shown on the login page and in the app shell, to anyone. */
    @Transactional(readOnly = true)
    public String brokerName() {
        return settings().toProgram().brokerName();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Program change(Program program) {
        String defaultPlan = program.defaultPlanCode();
        if (defaultPlan != null && !defaultPlan.isBlank()) {
            PlanCatalog catalog = plans.getIfAvailable();
            if (catalog == null || !catalog.planExists(defaultPlan)) {
                throw InvalidInputException.of("defaultPlanCode", "no plan with code " + defaultPlan);
            }
        }
        ProgramSettings settings = settings();
        settings.change(program, clock.instant());
        audit.record("PROGRAM_CHANGED", program.brokerName(), program.toString());
        return settings.toProgram();
    }

    private ProgramSettings settings() {
        return store.findById(ProgramSettings.THE_PROGRAM)
                .orElseThrow(() -> new IllegalStateException("program_settings row missing; the Liquibase changelog creates it"));
    }
}
