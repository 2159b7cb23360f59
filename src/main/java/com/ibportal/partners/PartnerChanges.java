package com.ibportal.partners;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An edit of a partner: each null field stays as it is. */
public record PartnerChanges(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Email @Size(max = 254) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String email,
        PartnerStatus status,
        Boolean mayRecruit) {
}
