package com.ibportal.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The one row of program settings. */
@Entity
@Table(name = "program_settings")
class ProgramSettings {

    static final int THE_PROGRAM = 1;

    @Id
    private Integer id;
    private String brokerName;
    private String registrationUrl;
    private String payoutCurrency;
    private BigDecimal minimumPayout;
    private boolean maskClientPii;
    private String defaultPlanCode;
    private Instant updatedAt;
    @Version
    private long version;

    protected ProgramSettings() {
    }

    void change(Program program, Instant now) {
        brokerName = program.brokerName();
        registrationUrl = program.registrationUrl();
        payoutCurrency = program.payoutCurrency();
        minimumPayout = program.minimumPayout();
        maskClientPii = program.maskClientPii();
        defaultPlanCode = program.defaultPlanCode() == null || program.defaultPlanCode().isBlank() ? null : program.defaultPlanCode();
        updatedAt = now;
    }

    Program toProgram() {
        return new Program(brokerName, registrationUrl, payoutCurrency, minimumPayout, maskClientPii, defaultPlanCode);
    }
}
