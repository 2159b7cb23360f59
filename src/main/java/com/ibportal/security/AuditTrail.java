package com.ibportal.security;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who did what and when: sign-ins locked, users created, statements approved, settings changed. */
@Service
public class AuditTrail {

    private final AuditEntries entries;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(AuditEntries entries, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action of the current user, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String target, String detail) {
        entries.save(new AuditEntry(clock.instant(), currentUser.actorName(), action, target, detail));
    }

    @Transactional
    void recordAs(String actor, String action, String target, String detail) {
        entries.save(new AuditEntry(clock.instant(), actor, action, target, detail));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditRecord> latest(int limit) {
        return entries.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, Math.min(limit, 5000)))
                .map(AuditEntry::toRecord).getContent();
    }
}
