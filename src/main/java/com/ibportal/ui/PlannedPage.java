package com.ibportal.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A page whose place, route and access rules exist while its content is still being built; it
 * says plainly what the page will hold so nobody mistakes it for a finished screen.
 */
public abstract class PlannedPage extends VerticalLayout {

    protected PlannedPage(String title, String purpose, String... willHold) {
        add(new PageHeader(title, purpose));
        Paragraph note = new Paragraph("This page is being built. It will show:");
        UnorderedList list = new UnorderedList();
        for (String item : willHold) {
            list.add(new ListItem(item));
        }
        add(note, list);
    }
}
