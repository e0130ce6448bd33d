package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.web.faces.Messages;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

/**
 * An error that a service found about one field, shown next to that field like a validation error: the field is marked
 * invalid, so the page ties the message to it ({@code aria-invalid}, {@code aria-describedby}) and focuses it.
 */
final class FieldError {

    private FieldError() {
    }

    static void reject(FacesContext context, String clientId, String key) {
        UIComponent field = context.getViewRoot().findComponent(clientId);
        if (field instanceof UIInput input) {
            input.setValid(false);
        }
        Messages.error(context, clientId, key);
        context.validationFailed();
    }
}
