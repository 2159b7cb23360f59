/**
 * The canonical event v1 that every connector's input is mapped into, its JSON reading and writing, and its validation.
 * Framework-free: records validate when built, so an invalid canonical event cannot exist in memory.
 * A named interface of the ingestion module: {@link com.ibportal.ingestion.IngestedEventHandler} implementations in
 * other modules receive these types.
 */
@org.springframework.modulith.NamedInterface("canonical")
package com.ibportal.ingestion.canonical;
