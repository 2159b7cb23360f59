package com.ibportal.program;

/**
 * Whether a commission plan exists, which only the commissions module knows; the program checks its default
 * plan through this, so the dependency keeps pointing from commissions to program.
 */
public interface PlanCatalog {

    boolean planExists(String planCode);
}
