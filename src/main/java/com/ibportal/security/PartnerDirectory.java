package com.ibportal.security;

/**
 * Implemented by the partners module so that security can check an IB login's partner code
 * without depending on partners (which depends on security).
 */
public interface PartnerDirectory {

    boolean partnerExists(String partnerCode);
}
