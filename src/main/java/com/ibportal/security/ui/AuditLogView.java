package com.ibportal.security.ui;

import com.ibportal.security.AuditRecord;
import com.ibportal.security.AuditTrail;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

@Route("admin/audit")
@PageTitle("Audit log · IB Portal")
@Menu(order = 109, icon = "vaadin:archive", title = "Audit log")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<AuditRecord> grid = new Grid<>();

    AuditLogView(AuditTrail audit) {
        setSizeFull();
        grid.addColumn(r -> TIME.format(r.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditRecord::target).setHeader("On").setAutoWidth(true);
        grid.addColumn(AuditRecord::detail).setHeader("Detail").setFlexGrow(1);
        grid.setItems(audit.latest(1000));
        add(new PageHeader("Audit log", "Every change of settings, users, plans and payouts, with who made it and when."), grid);
    }
}
