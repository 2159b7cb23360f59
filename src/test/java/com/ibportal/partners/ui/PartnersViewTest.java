package com.ibportal.partners.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalIntegrationTest
class PartnersViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    String master;
    String sub;
    String outsider;

    @BeforeEach
    void network() {
        master = fixtures.unique("PV");
        sub = master + "-S";
        outsider = fixtures.unique("PVX");
        fixtures.partner(master, null);
        fixtures.partner(sub, master);
        fixtures.partner(outsider, null);
        fixtures.client(fixtures.unique("PVC"), sub, Instant.now().minusSeconds(3600), null, null);
        fixtures.client(fixtures.unique("PVC"), sub, Instant.now().minusSeconds(7200), null, null);
        fixtures.signIn(fixtures.staff(Role.ADMIN).email());
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void adminSeesMasterWithItsSubIbNestedAndClientCounts() {
        PartnersView view = navigate(PartnersView.class);
        PartnerSummary root = root(view, master).orElseThrow();
        assertThat(view.tree.getTreeData().getChildren(root)).extracting(PartnerSummary::code).containsExactly(sub);
        assertThat(root(view, sub)).isEmpty();
        PartnerSummary subRow = view.tree.getTreeData().getChildren(root).getFirst();
        assertThat(view.clientsOf(subRow)).isEqualTo(2);
        assertThat(view.clientsOf(root)).isZero();
    }

    @Test
    void searchNarrowsTheTreeToMatchesAndTheirAncestors() {
        PartnersView view = navigate(PartnersView.class);
        view.search.setValue(sub.toLowerCase());
        List<PartnerSummary> roots = view.tree.getTreeData().getRootItems();
        assertThat(roots).extracting(PartnerSummary::code).containsExactly(master);
        assertThat(view.tree.getTreeData().getChildren(roots.getFirst())).extracting(PartnerSummary::code).containsExactly(sub);
        assertThat(view.tree.isExpanded(roots.getFirst())).isTrue();

        view.search.setValue("Partner " + outsider);
        assertThat(view.tree.getTreeData().getRootItems()).extracting(PartnerSummary::code).containsExactly(outsider);

        view.search.clear();
        assertThat(root(view, outsider)).isPresent();
        assertThat(root(view, master)).isPresent();
    }

    @Test
    void creatingAPartnerThroughTheDialogAddsItUnderItsParent() {
        PartnersView view = navigate(PartnersView.class);
        test(view.newPartner).click();
        NewPartnerDialog dialog = $(NewPartnerDialog.class).single();
        String code = master + "-NEW";
        dialog.code.setValue(code);
        dialog.name.setValue("New sub-IB");
        dialog.email.setValue(code.toLowerCase() + "@ib.test");
        dialog.parent.setValue(master);
        dialog.password.setValue(Fixtures.PASSWORD);
        test(dialog.create).click();

        assertThat(dialog.isOpened()).isFalse();
        PartnerSummary root = root(view, master).orElseThrow();
        assertThat(view.tree.getTreeData().getChildren(root)).extracting(PartnerSummary::code).containsExactly(code, sub);
        fixtures.signIn(code.toLowerCase() + "@ib.test"); // the password made its IB login too
    }

    @Test
    void aMoveTheServiceRefusesKeepsTheDialogOpenAndTheTreeAsItWas() {
        PartnersView view = navigate(PartnersView.class);
        view.tree.select(root(view, master).orElseThrow());
        test(view.move).click();
        MovePartnerDialog dialog = $(MovePartnerDialog.class).single();
        dialog.newParent.setValue(sub);
        test(dialog.move).click();

        assertThat(dialog.isOpened()).as("a partner cannot move into its own subtree").isTrue();
        assertThat(view.tree.getTreeData().getChildren(root(view, master).orElseThrow()))
                .extracting(PartnerSummary::code).containsExactly(sub);
    }

    @Test
    void anInvalidNewPartnerKeepsTheDialogOpenAndCreatesNothing() {
        PartnersView view = navigate(PartnersView.class);
        test(view.newPartner).click();
        NewPartnerDialog dialog = $(NewPartnerDialog.class).single();
        dialog.code.setValue(master + " with spaces");
        dialog.name.setValue("Broken");
        dialog.email.setValue("broken@ib.test");
        test(dialog.create).click();
        assertThat(dialog.isOpened()).isTrue();

        dialog.code.setValue(sub);
        test(dialog.create).click();
        assertThat(dialog.isOpened()).as("a duplicate code is a conflict").isTrue();
    }

    @Test
    void movingAPartnerThroughTheDialogPutsItUnderItsNewParent() {
        PartnersView view = navigate(PartnersView.class);
        PartnerSummary subRow = view.tree.getTreeData().getChildren(root(view, master).orElseThrow()).getFirst();
        view.tree.select(subRow);
        test(view.move).click();
        MovePartnerDialog dialog = $(MovePartnerDialog.class).single();
        dialog.newParent.setValue(outsider);
        test(dialog.move).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.tree.getTreeData().getChildren(root(view, master).orElseThrow())).isEmpty();
        assertThat(view.tree.getTreeData().getChildren(root(view, outsider).orElseThrow()))
                .extracting(PartnerSummary::code).containsExactly(sub);
    }

    @Test
    void unmatchedClientsButtonOpensTheQueue() {
        PartnersView view = navigate(PartnersView.class);
        test(view.unmatchedClients).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("UnmatchedClientsView");
    }

    @Test
    void editingThroughTheDialogSuspendsRenamesAndStopsRecruiting() {
        PartnersView view = navigate(PartnersView.class);
        assertThat(view.edit.isEnabled()).isFalse();
        view.tree.select(root(view, outsider).orElseThrow());
        test(view.edit).click();
        EditPartnerDialog dialog = $(EditPartnerDialog.class).single();
        assertThat(dialog.status.getValue()).isEqualTo(com.ibportal.partners.PartnerStatus.ACTIVE);
        assertThat(dialog.mayRecruit.getValue()).isTrue();
        dialog.name.setValue("Outsider Renamed");
        dialog.status.setValue(com.ibportal.partners.PartnerStatus.SUSPENDED);
        dialog.mayRecruit.setValue(false);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        PartnerSummary edited = root(view, outsider).orElseThrow();
        assertThat(edited.name()).isEqualTo("Outsider Renamed");
        assertThat(edited.status()).isEqualTo(com.ibportal.partners.PartnerStatus.SUSPENDED);
        assertThat(edited.mayRecruit()).isFalse();
    }

    @Test
    void anEditTheServiceRefusesKeepsTheDialogOpen() {
        PartnersView view = navigate(PartnersView.class);
        view.tree.select(root(view, outsider).orElseThrow());
        test(view.edit).click();
        EditPartnerDialog dialog = $(EditPartnerDialog.class).single();
        dialog.email.setValue(master.toLowerCase() + "@ib.test");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).as("the email belongs to another partner").isTrue();
        dialog.email.setValue("not an email");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(root(view, outsider).orElseThrow().email()).isEqualTo(outsider.toLowerCase() + "@ib.test");
    }

    @Test
    void anIbCannotOpenPartners() {
        var ib = fixtures.ibWithLogin(fixtures.unique("PVIB"), null);
        fixtures.signIn(ib.email());
        navigate("admin/partners", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(PartnersView.class);
    }

    private static Optional<PartnerSummary> root(PartnersView view, String code) {
        return view.tree.getTreeData().getRootItems().stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
