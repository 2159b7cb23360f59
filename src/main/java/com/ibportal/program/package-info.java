/**
 * The broker's IB program: its name, where referral links send people to register, the payout
 * currency and minimum payout, and whether IBs see client PII masked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Program")
package com.ibportal.program;
