package dev.workspace.mfa.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialResponseWriter;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what a client got wrong into an answer that names no Java type:
 * <ul>
 * <li>a form posted with an unknown, expired or forged view state or CSP nonce (an old tab, a replayed or cross-site
 * post, a script without the page's nonce) sends the person back to a fresh copy of the page with an explanation, and
 * nothing is processed. The page is the view's own path, never the raw request URI, which the container normalises
 * differently than a browser would ({@code //evil.example/..%2flogin} must not become a redirect off the site);</li>
 * <li>any other failure of an AJAX request (made-up {@code jakarta.faces.source}, {@code partial.execute} or
 * {@code partial.render}) gets a partial response with a generic error and status 400; the cause goes to the log.</li>
 * </ul>
 * Other failures of full-page requests reach the container's error page, which shows no details either.
 */
public class FacesExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FacesExceptionHandler.class.getName());

    public FacesExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean ajax = context.getPartialViewContext().isAjaxRequest();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            Throwable cause = rootFacesCause(thrown);
            if (cause instanceof ViewExpiredException || cause instanceof ProtectedViewException
                    || cause instanceof CspException) {
                events.remove();
                redirectToFreshView(context, cause);
            } else if (ajax) {
                events.remove();
                LOG.log(Level.WARNING, "AJAX request refused: " + thrown, thrown);
                refuseAjaxRequest(context);
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

    private static void redirectToFreshView(FacesContext context, Throwable cause) {
        ExternalContext external = context.getExternalContext();
        if (context.getResponseComplete()) {
            return;
        }
        external.getFlash().setKeepMessages(true);
        Messages.error(context, null, "view.expired");
        String viewId = cause instanceof ViewExpiredException expired ? expired.getViewId() : null;
        try {
            external.redirect(external.getRequestContextPath() + PagePath.of(viewId != null ? viewId : external.getRequestServletPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static void refuseAjaxRequest(FacesContext context) {
        if (context.getResponseComplete()) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        try {
            if (!external.isResponseCommitted()) {
                external.responseReset();
            }
            external.setResponseStatus(400);
            external.setResponseContentType("text/xml");
            external.setResponseCharacterEncoding("UTF-8");
            PartialResponseWriter writer = context.getPartialViewContext().getPartialResponseWriter();
            writer.startDocument();
            writer.startError("request-refused");
            writer.write(Messages.text(context, "error.400") + ". " + Messages.text(context, "error.400.explain"));
            writer.endError();
            writer.endDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
