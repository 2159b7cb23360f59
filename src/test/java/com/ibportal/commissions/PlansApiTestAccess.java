package com.ibportal.commissions;

/** The contract's example plan, for tests outside this package. */
public final class PlansApiTestAccess {

    public static final String EXAMPLE = PlansApiTest.EXAMPLE;

    private PlansApiTestAccess() {
    }
}
