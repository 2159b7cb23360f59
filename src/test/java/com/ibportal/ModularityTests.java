package com.ibportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(IbPortalApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    /** Handlers in other modules receive canonical events: both the SPI and the event types must be public API. */
    @Test
    void ingestionExposesItsHandlerSpiAndTheCanonicalEvent() throws ClassNotFoundException {
        var ingestion = modules.getModuleByName("ingestion").orElseThrow();
        var interfaces = ingestion.getNamedInterfaces();
        assertThat(interfaces.getUnnamedInterface().contains(com.ibportal.ingestion.IngestedEventHandler.class)).isTrue();
        assertThat(interfaces.getUnnamedInterface().contains(com.ibportal.ingestion.EventOutcome.class)).isTrue();
        assertThat(interfaces.getByName("canonical").orElseThrow()
                .contains(com.ibportal.ingestion.canonical.CanonicalEvent.class)).isTrue();
        assertThat(interfaces.getUnnamedInterface().contains(Class.forName("com.ibportal.ingestion.InboxStore")))
                .as("internals stay internal").isFalse();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
