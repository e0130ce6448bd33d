package dev.workspace.mfa.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted with an unknown, expired or forged view state or CSP nonce (an old tab, a replayed or cross-site
 * post, a script without the page's nonce) is not an error of ours: the person is sent back to a fresh copy of the page with an explanation, and nothing is processed.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

    public ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable cause = rootFacesCause(events.next().getContext().getException());
            if (cause instanceof ViewExpiredException || cause instanceof ProtectedViewException
                    || cause instanceof CspException) {
                events.remove();
                redirectToFreshView(context);
            }
        }
        getWrapped().handle();
    }

    private static Throwable rootFacesCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof FacesException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void redirectToFreshView(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        if (context.getResponseComplete()) {
            return;
        }
        external.getFlash().setKeepMessages(true);
        Messages.error(context, null, "view.expired");
        try {
            String requestUri = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRequestURI();
            external.redirect(requestUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
