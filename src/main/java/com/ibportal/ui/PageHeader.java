package com.ibportal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The title and one-line purpose at the top of every page. */
public class PageHeader extends Composite<VerticalLayout> {

    public PageHeader(String title, String lead) {
        H2 heading = new H2(title);
        heading.getStyle().set("margin", "0");
        Paragraph paragraph = new Paragraph(lead);
        paragraph.addClassName("page-lead");
        getContent().add(heading, paragraph);
        getContent().setPadding(false);
        getContent().setSpacing(false);
    }
}
