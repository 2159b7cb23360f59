package com.ibportal.dashboard.ui;

import com.ibportal.dashboard.ActivityService;
import com.ibportal.program.ProgramService;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/** An IB's landing page: its whole network's activity over the last 90 days. */
@Route("dashboard")
@PageTitle("Dashboard · IB Portal")
@Menu(order = 1, icon = "vaadin:dashboard", title = "Dashboard")
@RolesAllowed("IB")
class IbDashboardView extends VerticalLayout {

    final ActivityKpis kpis = new ActivityKpis();
    final ActivityChart chart = new ActivityChart("My network: registrations and first deposits per day");

    IbDashboardView(ActivityService activity, ProgramService program, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        var overview = activity.myNetwork(today.minusDays(89), today);
        kpis.show(overview, program.programForInternalUse().payoutCurrency());
        chart.show(overview);
        add(new PageHeader("Dashboard", "Your network over the last 90 days: you and every sub-IB under you."), kpis, chart);
    }
}
