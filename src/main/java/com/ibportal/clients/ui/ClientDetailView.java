package com.ibportal.clients.ui;

import com.ibportal.clients.AttributionPeriod;
import com.ibportal.clients.ClientDetails;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycChange;
import com.ibportal.clients.TradingAccount;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.Role;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One client for staff: its facts, who owned it when, its KYC history and trading accounts; an admin can reassign it
 * from an instant. Without an id it is the "Find a client" page. Reached from the unmatched clients queue.
 */
@Route("admin/clients/:externalId?")
@PageTitle("Client · IB Portal")
@RolesAllowed({"ADMIN", "FINANCE"})
class ClientDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String PARAMETER = "externalId";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ClientService clients;
    private final boolean admin;

    final TextField find = new TextField();
    final Button open = new Button("Open", VaadinIcon.SEARCH.create(), e -> openClient(find.getValue()));
    final Span notFound = new Span();

    final Span externalId = new Span();
    final Span email = new Span();
    final Span country = new Span();
    final Span registered = new Span();
    final Span kycStatus = new Span();
    final Span partner = new Span();
    final Span ftd = new Span();
    final Grid<AttributionPeriod> attributions = new Grid<>();
    final Grid<KycChange> kyc = new Grid<>();
    final Grid<TradingAccount> accounts = new Grid<>();

    final ComboBox<String> reassignTo = new ComboBox<>("New partner");
    final DateTimePicker effectiveFrom = new DateTimePicker("Effective from (UTC)");
    final Button reassign = new Button("Reassign", VaadinIcon.EXCHANGE.create(), e -> reassign());
    final HorizontalLayout reassignForm = new HorizontalLayout(reassignTo, effectiveFrom, reassign);

    private final VerticalLayout content = new VerticalLayout();
    private String shown;

    ClientDetailView(ClientService clients, PartnerService partners, CurrentUser currentUser) {
        this.clients = clients;
        this.admin = currentUser.require().role() == Role.ADMIN;
        setSizeFull();

        find.setPlaceholder("Client external id");
        find.setAriaLabel("Find a client");
        find.setClearButtonVisible(true);
        find.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> openClient(find.getValue()));
        Button back = new Button("Unmatched clients", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(UnmatchedClientsView.class)));
        HorizontalLayout toolbar = new HorizontalLayout(back, find, open);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        notFound.getStyle().set("color", "var(--lumo-error-text-color)");

        FormLayout facts = new FormLayout();
        facts.addFormItem(externalId, "External id");
        facts.addFormItem(email, "Email");
        facts.addFormItem(country, "Country");
        facts.addFormItem(registered, "Registered (UTC)");
        facts.addFormItem(kycStatus, "KYC status");
        facts.addFormItem(partner, "Current partner");
        facts.addFormItem(ftd, "First deposit");

        attributions.addColumn(AttributionPeriod::partnerCode).setHeader("Partner").setAutoWidth(true);
        attributions.addColumn(a -> when(a.validFrom())).setHeader("From (UTC)").setAutoWidth(true);
        attributions.addColumn(a -> a.validTo() == null ? "(current)" : when(a.validTo())).setHeader("To (UTC)").setAutoWidth(true);
        attributions.addColumn(AttributionPeriod::reason).setHeader("Reason").setAutoWidth(true);
        attributions.addColumn(a -> a.recordedBy() + " at " + when(a.recordedAt())).setHeader("Recorded by").setAutoWidth(true);
        attributions.setAllRowsVisible(true);
        kyc.addColumn(k -> k.status().name()).setHeader("Status").setAutoWidth(true);
        kyc.addColumn(k -> when(k.occurredAt())).setHeader("At (UTC)").setAutoWidth(true);
        kyc.addColumn(k -> k.eventId() == null ? "(admin)" : k.eventId()).setHeader("Event").setAutoWidth(true);
        kyc.setAllRowsVisible(true);
        accounts.addColumn(TradingAccount::platform).setHeader("Platform").setAutoWidth(true);
        accounts.addColumn(TradingAccount::login).setHeader("Login").setAutoWidth(true);
        accounts.addColumn(a -> when(a.firstSeenAt())).setHeader("First seen (UTC)").setAutoWidth(true);
        accounts.setAllRowsVisible(true);

        reassignTo.setItems(partners.all().stream().map(PartnerSummary::code).toList());
        // No required indicators: they turn on the fields' own validation, which would flag the fields cleared after a
        // successful reassignment; reassign() checks for missing values itself.
        reassign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reassign.setTooltipText("End the current attribution at the instant and start the new partner's");
        reassignForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        reassignForm.setVisible(admin);

        content.setPadding(false);
        content.add(facts, new H3("Attribution history"), attributions);
        if (admin) {
            content.add(reassignForm);
        }
        content.add(new H3("KYC history"), kyc, new H3("Trading accounts"), accounts);
        content.setVisible(false);
        add(new PageHeader("Client", "A client's facts, attribution and KYC history, and trading accounts."), toolbar,
                notFound, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get(PARAMETER).ifPresentOrElse(this::show, () -> {
            shown = null;
            content.setVisible(false);
            notFound.setText("");
        });
    }

    private void openClient(String id) {
        if (id == null || id.isBlank()) {
            find.setErrorMessage("Enter a client's external id");
            find.setInvalid(true);
            return;
        }
        find.setInvalid(false);
        getUI().ifPresent(ui -> ui.navigate(ClientDetailView.class, new RouteParameters(PARAMETER, id.trim())));
    }

    void show(String id) {
        ClientDetails client;
        try {
            client = clients.get(id);
        } catch (NotFoundException e) {
            shown = null;
            content.setVisible(false);
            notFound.setText("No client with external id " + id);
            return;
        }
        shown = id;
        find.setValue(id);
        notFound.setText("");
        externalId.setText(client.externalId());
        email.setText(orDash(client.email()));
        country.setText(orDash(client.country()));
        registered.setText(when(client.registeredAt()));
        kycStatus.setText(client.kycStatus().name());
        partner.setText(client.partnerCode() == null ? "(unmatched: assign it from the queue)" : client.partnerCode());
        ftd.setText(client.ftdAt() == null ? "(none)" : when(client.ftdAt()) + " · " + amount(client.ftdAmount()));
        attributions.setItems(clients.attributionHistory(id));
        kyc.setItems(clients.kycHistory(id));
        accounts.setItems(clients.tradingAccounts(id));
        content.setVisible(true);
    }

    private void reassign() {
        reassignTo.setInvalid(false);
        effectiveFrom.setInvalid(false);
        boolean missing = false;
        if (reassignTo.getValue() == null) {
            reassignTo.setErrorMessage("Choose the partner to give the client to");
            reassignTo.setInvalid(true);
            missing = true;
        }
        if (effectiveFrom.getValue() == null) {
            effectiveFrom.setErrorMessage("Choose the instant the new partner owns the client from");
            effectiveFrom.setInvalid(true);
            missing = true;
        }
        if (missing || shown == null) {
            return;
        }
        Instant from = effectiveFrom.getValue().toInstant(ZoneOffset.UTC);
        try {
            clients.reassign(shown, reassignTo.getValue(), from);
        } catch (InvalidInputException e) {
            reassignTo.setErrorMessage(e.problems().isEmpty() ? e.getMessage() : e.problems().getFirst().message());
            reassignTo.setInvalid(true);
            return;
        } catch (ConflictException e) {
            effectiveFrom.setErrorMessage(e.getMessage());
            effectiveFrom.setInvalid(true);
            return;
        } catch (NotFoundException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show(shown + " reassigned to " + reassignTo.getValue() + " from " + when(from))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        reassignTo.clear();
        effectiveFrom.clear();
        show(shown);
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
