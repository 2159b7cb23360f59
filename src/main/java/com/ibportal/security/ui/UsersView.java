package com.ibportal.security.ui;

import com.ibportal.security.NewUser;
import com.ibportal.security.Role;
import com.ibportal.security.UserAccountService;
import com.ibportal.security.UserAccountService.UserSummary;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/users")
@PageTitle("Users · IB Portal")
@Menu(order = 108, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private final UserAccountService users;
    final Grid<UserSummary> grid = new Grid<>();

    UsersView(UserAccountService users) {
        this.users = users;
        setSizeFull();
        grid.addColumn(u -> u.user().email()).setHeader("Email").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.user().displayName()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.user().role()).setHeader("Role").setSortable(true);
        grid.addColumn(u -> u.user().partnerCode() == null ? "" : u.user().partnerCode()).setHeader("Partner");
        grid.addColumn(u -> u.locked() ? "Locked" : u.enabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addComponentColumn(u -> u.locked() ? new Button("Unlock", e -> {
            users.unlock(u.user().id());
            refresh();
        }) : new com.vaadin.flow.component.html.Span()).setHeader("");
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new PageHeader("Users", "Who can sign in: admins run the program, finance pays it, IBs see their own network."), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.listUsers());
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        EmailField email = new EmailField("Email");
        PasswordField password = new PasswordField("Password");
        password.setHelperText("At least 10 characters");
        ComboBox<Role> role = new ComboBox<>("Role", Role.values());
        role.setValue(Role.IB);
        TextField partnerCode = new TextField("Partner code");
        partnerCode.setHelperText("For IB logins: the partner it acts for");
        TextField name = new TextField("Display name");
        dialog.add(new FormLayout(email, password, role, partnerCode, name));
        Button save = new Button("Create", e -> {
            try {
                users.createUser(new NewUser(email.getValue(), password.getValue(), role.getValue(),
                        partnerCode.getValue(), name.getValue()));
                dialog.close();
                refresh();
                Notification.show("User " + email.getValue() + " created").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | ConflictException | IllegalArgumentException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (jakarta.validation.ConstraintViolationException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
