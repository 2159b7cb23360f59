package com.ibportal.clients;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Clients extends JpaRepository<Client, Long> {

    Optional<Client> findByExternalId(String externalId);

    boolean existsByExternalId(String externalId);
}
