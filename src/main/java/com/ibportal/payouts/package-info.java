/**
 * Payout periods, partner statements with approval and payment, carry-forward of small or
 * negative balances, and reconciliation against the CRM's own exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payouts")
package com.ibportal.payouts;
