package com.ibportal.partners;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Partners extends JpaRepository<Partner, Long> {

    Optional<Partner> findByCode(String code);

    boolean existsByCode(String code);

    boolean existsByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCaseAndIdNot(String email, Long id);

    /** Read for update: moves lock the partners involved so two moves cannot build a cycle between them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Partner p where p.code = :code")
    Optional<Partner> lockByCode(String code);

    List<Partner> findByParentIdOrderByCode(Long parentId);
}
