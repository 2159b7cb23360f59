package com.ibportal.partners;

/**
 * A partner in an IB's network with its own figures: current clients, and first deposits and
 * registrations in the month asked for. {@code parentId} is null for the network's root.
 */
public record NetworkMember(long partnerId, String code, String name, Long parentId, int depth, long clients,
                            long ftdsInMonth, long registrationsInMonth, java.math.BigDecimal lotsInMonth) {
}
