package com.ibportal.partners;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PartnerApplications extends JpaRepository<PartnerApplication, Long> {

    boolean existsByEmailAndStatus(String email, ApplicationStatus status);

    List<PartnerApplication> findByStatusOrderBySubmittedAtDescIdDesc(ApplicationStatus status);

    List<PartnerApplication> findAllByOrderBySubmittedAtDescIdDesc();

    /** Read for update: two admins deciding the same application at once must not both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PartnerApplication a where a.id = :id")
    Optional<PartnerApplication> lock(long id);
}
