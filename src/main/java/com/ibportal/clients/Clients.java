package com.ibportal.clients;

import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Clients extends JpaRepository<Client, Long> {

    Optional<Client> findByExternalId(String externalId);

    boolean existsByExternalId(String externalId);

    /** Read for update: attribution changes to one client are serialized. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.externalId = :externalId")
    Optional<Client> lockByExternalId(String externalId);
}
