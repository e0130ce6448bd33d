/**
 * The sign-in and sign-out pages' beans: they hand the credentials to the sign-in mechanism and turn its
 * result into the generic error, the lockout message, or a redirect to the page first asked for.
 */
package dev.workspace.mfa.web.signin;
