package com.ibportal.clients;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientAttributions extends JpaRepository<ClientAttribution, Long> {
}
