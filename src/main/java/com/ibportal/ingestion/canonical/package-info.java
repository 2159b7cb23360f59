/**
 * The canonical event v1 that every connector's input is mapped into, its JSON reading and writing, and its validation.
 * Framework-free: records validate when built, so an invalid canonical event cannot exist in memory.
 */
@org.springframework.modulith.NamedInterface("canonical")
package com.ibportal.ingestion.canonical;
