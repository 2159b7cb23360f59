package com.ibportal.partners;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single row of onboarding settings (id 1, created by the changelog). */
@Entity
@Table(name = "onboarding_settings")
class OnboardingSettings {

    static final int ID = 1;

    @Id
    private Integer id;
    private boolean subIbApprovalRequired;
    @Version
    private long version;

    protected OnboardingSettings() {
    }

    boolean isSubIbApprovalRequired() {
        return subIbApprovalRequired;
    }

    void requireSubIbApproval(boolean required) {
        this.subIbApprovalRequired = required;
    }
}
