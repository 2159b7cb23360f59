package com.ibportal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring test context most tests share (so it starts once per run): the whole portal on
 * the test database (embedded MariaDB, or the server named by -Pmariadb-server), MockMvc for the
 * REST API, and {@link Fixtures} to set up data through the real services.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
public @interface PortalIntegrationTest {
}
