/**
 * Commission plans and their versions, the engine that turns events into ledger lines, and the
 * append-only ledger with its reversals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commissions")
package com.ibportal.commissions;
