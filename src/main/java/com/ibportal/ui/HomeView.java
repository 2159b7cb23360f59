package com.ibportal.ui;

import com.ibportal.security.CurrentUser;
import com.ibportal.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** "/" sends each user to its own landing page: IBs to their dashboard, staff to the program overview. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean ib = currentUser.get().map(u -> u.role() == Role.IB).orElse(false);
        event.forwardTo(ib ? "dashboard" : "admin");
    }
}
