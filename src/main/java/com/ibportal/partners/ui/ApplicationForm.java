package com.ibportal.partners.ui;

import com.ibportal.partners.ApplicationSummary;
import com.ibportal.partners.NewApplication;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The application form of the public pages ("Become a partner", sub-IB invitations). The service
 * validates; its field problems show on the fields. After a successful submission the form gives
 * way to a thank-you note.
 */
class ApplicationForm extends Composite<VerticalLayout> {

    final TextField name = new TextField("Your name or company");
    final EmailField email = new EmailField("Email");
    final ComboBox<Locale> country = new ComboBox<>("Country");
    final TextField channels = new TextField("Website or channels");
    final TextField expectedLots = new TextField("Expected monthly volume (lots)");
    final Button submit = new Button("Apply");
    final Paragraph thanks = new Paragraph();
    final Paragraph problem = new Paragraph();
    private final FormLayout form = new FormLayout(name, email, country, channels, expectedLots);
    private final Function<NewApplication, ApplicationSummary> submitter;

    ApplicationForm(Function<NewApplication, ApplicationSummary> submitter) {
        this.submitter = submitter;
        // ids for end-to-end tests and for brokers' own styling
        name.setId("apply-name");
        email.setId("apply-email");
        country.setId("apply-country");
        channels.setId("apply-channels");
        expectedLots.setId("apply-lots");
        submit.setId("apply-submit");
        name.setRequired(true);
        name.setMaxLength(NewApplication.MAX_NAME);
        email.setRequired(true);
        email.setMaxLength(254);
        country.setRequired(true);
        country.setItems(Arrays.stream(Locale.getISOCountries()).map(c -> Locale.of("", c))
                .sorted(Comparator.comparing(l -> l.getDisplayCountry(Locale.ENGLISH))).toList());
        country.setItemLabelGenerator(l -> l.getDisplayCountry(Locale.ENGLISH));
        channels.setRequired(true);
        channels.setMaxLength(NewApplication.MAX_CHANNELS);
        channels.setHelperText("Where you will promote us: website, YouTube, Telegram… (up to " + NewApplication.MAX_CHANNELS + " characters)");
        expectedLots.setRequired(true);
        expectedLots.setMaxLength(12);
        expectedLots.setAllowedCharPattern("[0-9.]");
        expectedLots.setHelperText("Lots per month your clients will trade, e.g. 250");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        form.setMaxWidth("40em");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        thanks.setVisible(false);
        getContent().setPadding(false);
        getContent().add(form, problem, submit, thanks);
    }

    void submit() {
        Map<String, HasValidation> fields = Map.of("name", name, "email", email, "country", country, "channels", channels,
                "expectedMonthlyLots", expectedLots);
        fields.values().forEach(f -> f.setInvalid(false));
        problem.setVisible(false);
        BigDecimal lots;
        try {
            lots = expectedLots.getValue().isBlank() ? null : new BigDecimal(expectedLots.getValue().trim());
        } catch (NumberFormatException e) {
            expectedLots.setErrorMessage("a number of lots, e.g. 250 or 12.5");
            expectedLots.setInvalid(true);
            return;
        }
        ApplicationSummary saved;
        try {
            saved = submitter.apply(new NewApplication(name.getValue(), email.getValue(),
                    country.getValue() == null ? null : country.getValue().getCountry(), channels.getValue(), lots));
        } catch (InvalidInputException e) {
            for (var p : e.problems()) {
                HasValidation field = fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(p.message());
                    field.setInvalid(true);
                }
            }
            return;
        } catch (ConflictException e) {
            problem.setText(e.getMessage());
            problem.setVisible(true);
            return;
        }
        form.setVisible(false);
        submit.setVisible(false);
        thanks.setText(saved.status() == com.ibportal.partners.ApplicationStatus.APPROVED
                ? "Thank you, " + saved.name() + ". You are in: a link to set your password goes to " + saved.email() + "."
                : "Thank you, " + saved.name() + ". We review every application and will contact you at " + saved.email() + ".");
        thanks.setVisible(true);
    }
}
