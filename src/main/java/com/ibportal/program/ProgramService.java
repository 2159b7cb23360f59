package com.ibportal.program;

import com.ibportal.security.AuditTrail;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProgramService {

    private final ProgramSettingsStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ProgramService(ProgramSettingsStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
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
