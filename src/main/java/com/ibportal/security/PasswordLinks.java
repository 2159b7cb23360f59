package com.ibportal.security;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordLinks extends JpaRepository<PasswordLink, Long> {

    Optional<PasswordLink> findByTokenHash(String tokenHash);

    /** Read for update: two tabs submitting the same link must not both set a password. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PasswordLink l where l.tokenHash = :tokenHash")
    Optional<PasswordLink> lockByTokenHash(String tokenHash);

    /** A newer link replaces the older ones of the same login. */
    @Modifying
    @Query("update PasswordLink l set l.usedAt = :now where l.userAccountId = :userAccountId and l.usedAt is null")
    int invalidateAll(long userAccountId, java.time.Instant now);
}
