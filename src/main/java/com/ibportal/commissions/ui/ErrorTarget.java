package com.ibportal.commissions.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;

/** Where the editor shows a service error for one JSON path of the plan: an input, or a card's message line. */
interface ErrorTarget {

    void show(String message);

    void clear();

    static ErrorTarget of(HasValidation field) {
        return new ErrorTarget() {
            @Override
            public void show(String message) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }

            @Override
            public void clear() {
                field.setInvalid(false);
                field.setErrorMessage(null);
            }
        };
    }

    static ErrorTarget of(Span line) {
        return new ErrorTarget() {
            @Override
            public void show(String message) {
                line.setText(line.getText().isEmpty() ? message : line.getText() + " · " + message);
                line.setVisible(true);
            }

            @Override
            public void clear() {
                line.setText("");
                line.setVisible(false);
            }
        };
    }
}
