package dev.workspace.mfa.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Registers {@link FacesExceptionHandler} (faces-config.xml). */
public class FacesExceptionHandlerFactory extends ExceptionHandlerFactory {

    public FacesExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new FacesExceptionHandler(getWrapped().getExceptionHandler());
    }
}
