package com.ibportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every view whose roles leave out IB, found from the {@code @Route} annotations, refuses an IB. */
@PortalIntegrationTest
class AdminRoutesAccessTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void anIbIsRefusedEveryViewNotMadeForIbs() throws Exception {
        List<Class<?>> staffViews = staffOnlyViews();
        assertThat(staffViews.stream().map(c -> c.getAnnotation(Route.class).value()))
                .as("the scan finds the admin area").contains("admin", "admin/partners", "admin/applications", "admin/users",
                        "admin/unmatched-clients", "admin/audit", "admin/plans", "admin/payouts", "admin/reconciliation",
                        "admin/events", "admin/integrations", "admin/clients/:externalId?")
                .allMatch(route -> route.startsWith("admin"));

        var ib = fixtures.ibWithLogin(fixtures.unique("ROUTES"), null);
        fixtures.signIn(ib.email());
        for (Class<?> view : staffViews) {
            String route = view.getAnnotation(Route.class).value();
            // A template is opened with its optional parameters left out and its required ones filled in.
            navigate(route.replaceAll("/:[^/]+\\?", "").replaceAll(":[^/]+", "probe"), Component.class);
            assertThat(getCurrentView()).as(route).isNotInstanceOf(view);
        }
    }

    private static List<Class<?>> staffOnlyViews() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> views = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("com.ibportal")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
            if (roles != null && Arrays.stream(roles.value()).noneMatch("IB"::equals)) {
                views.add(view);
            }
        }
        return views;
    }
}
