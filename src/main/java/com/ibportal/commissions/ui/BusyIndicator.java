package com.ibportal.commissions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * A plain HTML {@code <progress>} without a value, which browsers draw as indeterminate: the bundle holds no
 * {@code vaadin-progress-bar} (see {@link DraftTextArea}).
 */
@Tag("progress")
class BusyIndicator extends Component {

    BusyIndicator() {
        getElement().setAttribute("aria-label", "Running");
        getStyle().set("width", "16em");
    }
}
