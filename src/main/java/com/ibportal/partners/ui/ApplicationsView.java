package com.ibportal.partners.ui;

import com.ibportal.partners.ApplicationStatus;
import com.ibportal.partners.ApplicationSummary;
import com.ibportal.partners.ApprovalResult;
import com.ibportal.partners.OnboardingService;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The approval queue of partner applications (public page and sub-IB invitations). Approving shows
 * the new partner's set-password link once, for the admin to pass on (there is no mail server).
 */
@Route("admin/applications")
@PageTitle("Applications · IB Portal")
@Menu(order = 101.5, icon = "vaadin:user-check", title = "Applications")
@RolesAllowed({"ADMIN"})
class ApplicationsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final OnboardingService onboarding;
    private final PartnerService partners;

    final ComboBox<ApplicationStatus> status = new ComboBox<>("Status");
    final Grid<ApplicationSummary> grid = new Grid<>();
    final Button approve = new Button("Approve", VaadinIcon.CHECK.create(), e -> openApproveDialog());
    final Button reject = new Button("Reject", VaadinIcon.CLOSE.create(), e -> openRejectDialog());
    final Checkbox subIbApprovalRequired = new Checkbox("Invited sub-IBs need approval");

    ApplicationsView(OnboardingService onboarding, PartnerService partners) {
        this.onboarding = onboarding;
        this.partners = partners;
        setSizeFull();
        status.setItems(ApplicationStatus.values());
        status.setValue(ApplicationStatus.PENDING);
        status.setPlaceholder("All");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        grid.addColumn(a -> TIME.format(a.submittedAt())).setHeader("Submitted (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApplicationSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ApplicationSummary::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(ApplicationSummary::country).setHeader("Country").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApplicationSummary::channels).setHeader("Website / channels").setFlexGrow(1);
        grid.addColumn(a -> a.expectedMonthlyLots().toPlainString()).setHeader("Lots / month").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.inviterCode() == null ? "Public page" : "Invited by " + a.inviterCode()).setHeader("Source").setAutoWidth(true);
        grid.addColumn(a -> a.status().name()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.partnerCode() != null ? a.partnerCode() : a.rejectReason() != null ? a.rejectReason() : "")
                .setHeader("Partner / reason").setAutoWidth(true);
        grid.setSizeFull();
        grid.addSelectionListener(e -> selectionChanged());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        selectionChanged();
        subIbApprovalRequired.setValue(onboarding.subIbApprovalRequired());
        subIbApprovalRequired.setTooltipText("Off: an application through an IB's invitation link is approved at once, under that IB");
        subIbApprovalRequired.addValueChangeListener(e -> {
            onboarding.requireSubIbApproval(e.getValue());
            Notification.show(e.getValue() ? "Invited sub-IBs now wait for approval" : "Invited sub-IBs are now approved at once");
        });
        HorizontalLayout toolbar = new HorizontalLayout(status, approve, reject, subIbApprovalRequired);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new PageHeader("Applications", "People who want to become partners, from the public page and IBs' invitation links."),
                toolbar, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(onboarding.applications(status.getValue()));
        selectionChanged();
    }

    private void selectionChanged() {
        boolean pending = grid.getSelectedItems().stream().anyMatch(a -> a.status() == ApplicationStatus.PENDING);
        approve.setEnabled(pending);
        reject.setEnabled(pending);
    }

    private void openApproveDialog() {
        grid.getSelectedItems().stream().findFirst().ifPresent(application -> {
            ApproveDialog dialog = new ApproveDialog(application, partners.all());
            dialog.approve.addClickListener(e -> {
                ApprovalResult result = call(() -> onboarding.approve(application.id(), dialog.code.getValue(), dialog.parent.getValue()));
                if (result == null) {
                    return;
                }
                dialog.close();
                refresh();
                new LinkDialog(result).open();
            });
            dialog.open();
        });
    }

    private void openRejectDialog() {
        grid.getSelectedItems().stream().findFirst().ifPresent(application -> {
            RejectDialog dialog = new RejectDialog(application);
            dialog.reject.addClickListener(e -> {
                if (call(() -> onboarding.reject(application.id(), dialog.reason.getValue())) == null) {
                    return;
                }
                dialog.close();
                refresh();
                Notification.show("Application of " + application.email() + " rejected");
            });
            dialog.open();
        });
    }

    /** Runs a service call; a refusal shows as a notification and answers null. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    static final class ApproveDialog extends Dialog {

        final TextField code = new TextField("Partner code");
        final ComboBox<String> parent = new ComboBox<>("Parent");
        final Button approve = new Button("Approve");

        ApproveDialog(ApplicationSummary application, java.util.List<PartnerSummary> all) {
            setHeaderTitle("Approve " + application.name());
            code.setPlaceholder("Derived from the name");
            code.setHelperText("Empty: IB-NAME-OF-PARTNER, with -2, -3… on a clash");
            code.setMaxLength(64);
            parent.setItems(all.stream().map(PartnerSummary::code).toList());
            parent.setClearButtonVisible(true);
            parent.setHelperText(application.inviterCode() == null ? "Empty: a top-level IB" : "Empty: under the inviter");
            if (application.inviterCode() != null) {
                parent.setValue(application.inviterCode());
            }
            add(new Paragraph(application.email() + " · " + application.country() + " · " + application.channels()),
                    new FormLayout(code, parent));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            approve.setId("confirm-approve");
            getFooter().add(new Button("Cancel", e -> close()), approve);
        }
    }

    static final class RejectDialog extends Dialog {

        final TextField reason = new TextField("Reason");
        final Button reject = new Button("Reject");

        RejectDialog(ApplicationSummary application) {
            setHeaderTitle("Reject " + application.name());
            reason.setRequired(true);
            reason.setMaxLength(OnboardingService.MAX_REJECT_REASON);
            reason.setWidthFull();
            reason.setHelperText("Kept with the application, for the record");
            add(reason);
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), reject);
        }
    }

    /** The set-password link, shown once: the portal keeps only its hash. */
    static final class LinkDialog extends Dialog {

        final TextField link = new TextField("Set-password link");

        LinkDialog(ApprovalResult result) {
            setHeaderTitle("Partner " + result.partner().code() + " created");
            link.setValue(result.passwordLink().url());
            link.setReadOnly(true);
            link.setId("set-password-link");
            link.setWidth("36em");
            link.setHelperText("Send it to " + result.passwordLink().email() + "; single use, valid until "
                    + TIME.format(result.passwordLink().expiresAt()) + " UTC. It is not shown again.");
            add(link);
            getFooter().add(new Button("Done", e -> close()));
        }
    }
}
