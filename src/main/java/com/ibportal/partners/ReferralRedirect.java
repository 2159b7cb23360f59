package com.ibportal.partners;

import com.ibportal.program.ProgramService;
import com.ibportal.shared.Hashing;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public referral links, {@code /r/{partnerCode}?sub={campaign}}: counts the click and sends the
 * visitor on to the broker's registration page with {@code ref} and {@code campaign} attached.
 * An unknown code still reaches registration, untagged, and counts as organic.
 */
@RestController
class ReferralRedirect {

    private static final Logger log = LoggerFactory.getLogger(ReferralRedirect.class);
    static final int MAX_USER_AGENT = 255;

    private final ReferralClicks clicks;
    private final ProgramService program;
    private final Clock clock;
    private final byte[] ipKey;

    ReferralRedirect(ReferralClicks clicks, ProgramService program, Clock clock,
                     @Value("${portal.privacy.ip-hash-key:}") String ipKey) {
        this.clicks = clicks;
        // without a configured key, a random one per process: fingerprints then only match within one run
        this.ipKey = ipKey.isBlank() ? randomKey() : ipKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.program = program;
        this.clock = clock;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    @GetMapping("/r/{partnerCode}")
    ResponseEntity<Void> follow(@PathVariable String partnerCode, @RequestParam(name = "sub", required = false) String sub,
                                HttpServletRequest request) {
        String campaign = ReferralLinks.campaignTag(sub);
        Long partnerId = null;
        try {
            partnerId = clicks.partnerId(partnerCode).orElse(null);
            clicks.record(partnerId, campaign, clock.instant(), Hashing.hmacSha256Hex(ipKey, String.valueOf(request.getRemoteAddr())),
                    userAgent(request));
        } catch (DataAccessException e) {
            // a lost click count must not cost the broker a registration
            log.warn("Could not record a referral click for {}", partnerCode, e);
        }
        String target = withParams(program.programForInternalUse().registrationUrl(),
                partnerId == null ? null : partnerCode, campaign);
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, target)
                .cacheControl(CacheControl.noStore()) // every click must reach us to be counted
                .build();
    }

    /** Appends ref and campaign to the registration URL, keeping its own query and fragment. */
    static String withParams(String registrationUrl, String ref, String campaign) {
        StringBuilder added = new StringBuilder();
        if (ref != null) {
            added.append("ref=").append(URLEncoder.encode(ref, StandardCharsets.UTF_8));
        }
        if (campaign != null) {
            added.append(added.isEmpty() ? "" : "&").append("campaign=").append(URLEncoder.encode(campaign, StandardCharsets.UTF_8));
        }
        if (added.isEmpty()) {
            return registrationUrl;
        }
        int hash = registrationUrl.indexOf('#');
        String base = hash < 0 ? registrationUrl : registrationUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : registrationUrl.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + added + fragment;
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isEmpty()) {
            return null;
        }
        return agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent;
    }
}
