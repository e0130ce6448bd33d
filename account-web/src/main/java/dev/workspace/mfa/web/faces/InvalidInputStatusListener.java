package dev.workspace.mfa.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * A full-page form post whose input failed validation is answered 400 along with the page and its messages, so
 * scripts and monitoring see bad input as bad input. AJAX posts keep 200: PrimeFaces only applies updates from a 200.
 */
public class InvalidInputStatusListener implements PhaseListener {

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (context.isValidationFailed() && !context.getPartialViewContext().isAjaxRequest()) {
            context.getExternalContext().setResponseStatus(400);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing to do after rendering
    }
}
