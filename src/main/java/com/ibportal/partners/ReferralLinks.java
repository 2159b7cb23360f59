package com.ibportal.partners;

import com.ibportal.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/** The signed-in IB's referral links (base and per campaign) with their click counts. */
@Service
@PreAuthorize("hasRole('IB')")
public class ReferralLinks {

    public static final int MAX_CAMPAIGN_LENGTH = 100;
    static final Duration RECENT = Duration.ofDays(30);

    private final ReferralClicks clicks;
    private final Partners partners;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String publicUrl;

    ReferralLinks(ReferralClicks clicks, Partners partners, CurrentUser currentUser, Clock clock,
                  @Value("${portal.public-url:http://localhost:8080}") String publicUrl) {
        this.clicks = clicks;
        this.partners = partners;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The base link first, then one per campaign the IB's links were clicked with, by campaign. */
    @Transactional(readOnly = true)
    public List<ReferralLink> myLinks() {
        String code = currentUser.requirePartnerCode();
        Map<String, ReferralClicks.CampaignClicks> counts = counts(code);
        List<ReferralLink> links = new ArrayList<>();
        links.add(link(code, null, counts));
        counts.keySet().stream().filter(c -> !c.isEmpty()).sorted(Comparator.naturalOrder())
                .forEach(campaign -> links.add(link(code, campaign, counts)));
        return links;
    }

    /** The IB's link for a campaign tag (cleaned as a click's would be; nothing left: the base link), with its counts so far. */
    @Transactional(readOnly = true)
    public ReferralLink linkFor(String campaign) {
        String code = currentUser.requirePartnerCode();
        return link(code, campaignTag(campaign), counts(code));
    }

    /** The IB's sub-IB invitation link ({@code /join/{code}}), while it is active and may recruit. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> invitationLink() {
        String code = currentUser.requirePartnerCode();
        return partners.findByCode(code).filter(p -> p.getStatus() == PartnerStatus.ACTIVE && p.mayRecruit())
                .map(p -> publicUrl + "/join/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8));
    }

    /**
     * A campaign tag as stored and put into links: only {@code A-Z a-z 0-9 _ - .} kept, at most
     * {@value #MAX_CAMPAIGN_LENGTH} characters; null when nothing is left.
     */
    public static String campaignTag(String raw) {
        if (raw == null) {
            return null;
        }
        String kept = raw.codePoints()
                .filter(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (kept.isEmpty()) {
            return null;
        }
        return kept.length() > MAX_CAMPAIGN_LENGTH ? kept.substring(0, MAX_CAMPAIGN_LENGTH) : kept;
    }

    private Map<String, ReferralClicks.CampaignClicks> counts(String code) {
        // null (the base link) cannot be a map key in toMap's HashMap merge; "" stands for it here
        return clicks.countsFor(code, clock.instant().minus(RECENT)).stream()
                .collect(Collectors.toMap(c -> c.campaign() == null ? "" : c.campaign(), Function.identity()));
    }

    private ReferralLink link(String code, String campaign, Map<String, ReferralClicks.CampaignClicks> counts) {
        String url = publicUrl + "/r/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)
                + (campaign == null ? "" : "?sub=" + campaign);
        var count = counts.get(campaign == null ? "" : campaign);
        return new ReferralLink(campaign, url, count == null ? 0 : count.total(), count == null ? 0 : count.recent());
    }
}
