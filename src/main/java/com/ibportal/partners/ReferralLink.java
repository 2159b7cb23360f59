package com.ibportal.partners;

/**
 * One of an IB's referral links: the base link (campaign null) or one tagged with a campaign,
 * with how often it was clicked in all and in the last 30 days.
 */
public record ReferralLink(String campaign, String url, long totalClicks, long clicksLast30Days) {

    public boolean isBase() {
        return campaign == null;
    }
}
