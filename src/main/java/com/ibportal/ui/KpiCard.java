package com.ibportal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline figure with its label. */
public class KpiCard extends Composite<Div> {

    private final Span value = new Span();

    public KpiCard(String label, String initialValue) {
        Span caption = new Span(label);
        caption.addClassName("kpi-label");
        value.addClassName("kpi-value");
        value.setText(initialValue);
        getContent().addClassName("kpi-card");
        getContent().add(value, new Div(caption));
    }

    public void setValue(String text) {
        value.setText(text);
    }

    public String getValue() {
        return value.getText();
    }
}
