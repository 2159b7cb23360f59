/**
 * The event pipeline: applies each canonical event the inbox hands over to clients (registration,
 * KYC, accounts) and to commissions (lines), and tells the inbox what an event is waiting for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Processing")
package com.ibportal.processing;
