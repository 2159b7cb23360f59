package com.ibportal.clients;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientAttributions extends JpaRepository<ClientAttribution, Long> {

    Optional<ClientAttribution> findByClientIdAndValidToIsNull(Long clientId);

    boolean existsByClientId(Long clientId);
}
