package com.ibportal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Four chains: webhook and postback senders (their signature or token is the authentication), the REST API
 * (stateless, HTTP Basic or bearer token, no CSRF since no cookies), the public API docs, and the Vaadin UI (form login, session, CSRF as Vaadin sets it up).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** The login view's route; the view lives in the UI shell, which depends on security and not the other way round. */
    static final String LOGIN_ROUTE = "/login";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, and stored hashes name their algorithm, so a later switch needs no migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Senders of webhooks and postbacks prove themselves with signatures or connector tokens, checked by ingestion.
     * Their own chain, without Basic or bearer authentication: a sender that adds an unrelated Authorization header
     * (some CRMs always do) must not be refused before its signature is looked at.
     */
    @Bean
    @Order(0)
    SecurityFilterChain senderFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/ingest/**", "/api/v1/postback/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // partner applications from the public page's twin: a broker's own website form
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/r/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/images/**").permitAll())
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE)).build();
    }
}
