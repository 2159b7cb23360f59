package com.ibportal.commissions.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.Tag;

/**
 * A plain HTML {@code <textarea>} for plan JSON. The production bundle holds no {@code vaadin-text-area} and cannot
 * be rebuilt offline (no Node.js here), and a native element needs nothing from the bundle.
 */
@Tag("textarea")
class DraftTextArea extends AbstractSinglePropertyField<DraftTextArea, String> {

    DraftTextArea() {
        super("value", "", false);
        setSynchronizedEvent("change");
        getElement().setAttribute("spellcheck", "false");
        getElement().setAttribute("aria-label", "Draft plan JSON");
        getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)")
                .set("box-sizing", "border-box").set("width", "100%").set("height", "18em");
    }
}
