package com.ibportal.partners;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnboardingSettingsStore extends JpaRepository<OnboardingSettings, Integer> {

    default OnboardingSettings current() {
        return findById(OnboardingSettings.ID).orElseThrow(() -> new IllegalStateException("onboarding_settings row 1 is missing"));
    }
}
