package com.ibportal.partners;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Client figures per partner, which only the clients module can count (partners never read its tables);
 * partners' views show them through this, so the dependency keeps pointing from clients to partners.
 */
public interface PartnerClientFigures {

    /** Every partner's current own clients (not its subtree's), by partner id; partners without clients are absent. */
    Map<Long, Long> currentClientCountsByPartner();

    /** The signed-in IB's current subtree, itself first, with each member's own clients and its activity in {@code month} (UTC). */
    List<NetworkMember> myNetwork(YearMonth month);
}
