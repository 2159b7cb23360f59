/**
 * The commission engine: plan versions and their rules, and the pure functions that turn an event,
 * its attribution path and the plans on it into ledger line drafts and exclusions. No clock, no I/O.
 */
package com.ibportal.commissions.engine;
