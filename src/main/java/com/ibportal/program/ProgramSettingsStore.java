package com.ibportal.program;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramSettingsStore extends JpaRepository<ProgramSettings, Integer> {
}
