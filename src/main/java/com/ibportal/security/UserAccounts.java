package com.ibportal.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByRole(Role role);

    boolean existsByEmail(String email);

    List<UserAccount> findByPartnerCode(String partnerCode);
}
