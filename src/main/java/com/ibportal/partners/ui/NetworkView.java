package com.ibportal.partners.ui;

import com.ibportal.partners.NetworkMember;
import com.ibportal.partners.PartnerClientFigures;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in IB's network as a tree, itself at the root, from one aggregate query: each member's
 * own clients, registrations, FTDs and lots traded by its own clients this month.
 */
@Route("network")
@PageTitle("My network · IB Portal")
@Menu(order = 2, icon = "vaadin:sitemap", title = "My network")
@RolesAllowed({"IB"})
class NetworkView extends VerticalLayout {

    final TreeGrid<NetworkMember> tree = new TreeGrid<>();

    NetworkView(PartnerClientFigures figures, Clock clock) {
        setSizeFull();
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String monthName = month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        tree.addHierarchyColumn(NetworkMember::code).setHeader("Partner").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(NetworkMember::name).setHeader("Name").setAutoWidth(true);
        tree.addColumn(m -> m.depth() == 0 ? "You" : "Level " + m.depth()).setHeader("Level").setAutoWidth(true);
        tree.addColumn(NetworkMember::clients).setHeader("Clients").setAutoWidth(true);
        tree.addColumn(NetworkMember::registrationsInMonth).setHeader("Registrations this month").setAutoWidth(true);
        tree.addColumn(NetworkMember::ftdsInMonth).setHeader("FTDs this month").setAutoWidth(true);
        tree.addColumn(m -> m.lotsInMonth().setScale(Math.max(2, m.lotsInMonth().scale())).toPlainString())
                .setHeader("Lots this month").setAutoWidth(true);
        tree.setSizeFull();
        show(figures.myNetwork(month));
        add(new PageHeader("My network", "You and your sub-IBs, level by level: each one's own clients, and its "
                + "registrations and first deposits in " + monthName + " (UTC)."), tree);
    }

    private void show(List<NetworkMember> members) {
        Map<Long, List<NetworkMember>> children = new HashMap<>();
        members.stream().filter(m -> m.parentId() != null)
                .forEach(m -> children.computeIfAbsent(m.parentId(), k -> new java.util.ArrayList<>()).add(m));
        List<NetworkMember> roots = members.stream().filter(m -> m.depth() == 0).toList();
        TreeData<NetworkMember> data = new TreeData<>();
        data.addItems(roots, m -> children.getOrDefault(m.partnerId(), List.of()));
        tree.setTreeData(data);
        tree.expand(roots);
    }
}
