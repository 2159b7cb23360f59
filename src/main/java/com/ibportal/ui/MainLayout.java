package com.ibportal.ui;

import com.ibportal.program.ProgramService;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.PortalUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame around every signed-in page. Navigation lists only what the user's role may open:
 * {@link MenuConfiguration} already filters the {@code @Menu} entries by each view's access rules.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(ProgramService program, CurrentUser currentUser, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        Span brokerName = new Span(program.brokerName());
        brokerName.addClassName("broker-name");
        Span product = new Span("IB Portal");
        product.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout brand = new VerticalLayout(brokerName, product);
        brand.setSpacing(false);
        brand.setPadding(true);
        addToDrawer(brand, navigation());

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        header.addAndExpand(spacer);
        currentUser.get().ifPresent(user -> header.add(userMenu(user, authentication)));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        nav.setWidthFull();
        return nav;
    }

    private static MenuBar userMenu(PortalUser user, AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout label = new HorizontalLayout(avatar, new Span(user.displayName() + " · " + user.role()));
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        var root = menu.addItem(label);
        root.getSubMenu().addItem("Sign out", e -> authentication.logout());
        menu.setId("user-menu");
        return menu;
    }
}
