/**
 * Who is asking: users and roles (ADMIN, FINANCE, IB), login with lock-out, API tokens, the
 * audit trail, and the filter chains that guard the web UI and the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.ibportal.security;
