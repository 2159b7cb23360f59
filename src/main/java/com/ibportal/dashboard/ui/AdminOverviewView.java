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

/** The admin's and finance's landing page: the whole program's activity. */
@Route("admin")
@PageTitle("Overview · IB Portal")
@Menu(order = 100, icon = "vaadin:chart", title = "Overview")
@RolesAllowed({"ADMIN", "FINANCE"})
class AdminOverviewView extends VerticalLayout {

    final ActivityKpis kpis = new ActivityKpis();
    final ActivityChart chart = new ActivityChart("Program: registrations and first deposits per day");

    AdminOverviewView(ActivityService activity, ProgramService program, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        var overview = activity.program(today.minusDays(89), today);
        kpis.show(overview, program.programForInternalUse().payoutCurrency());
        chart.show(overview);
        add(new PageHeader("Program overview", "All partners and clients over the last 90 days."), kpis, chart);
    }
}
