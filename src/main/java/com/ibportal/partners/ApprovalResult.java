package com.ibportal.partners;

import com.ibportal.security.IssuedPasswordLink;

/** An approved application, the partner it created and the set-password link of its new login (shown once). */
public record ApprovalResult(ApplicationSummary application, PartnerSummary partner, IssuedPasswordLink passwordLink) {
}
