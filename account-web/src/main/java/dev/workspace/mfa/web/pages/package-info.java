/**
 * Beans of the signed-in pages: the workspace home (with the two-factor prompt) and the admin console; the security
 * settings live in the twofactor package.
 * Who the caller is comes from {@link dev.workspace.mfa.web.pages.CurrentUser}, never from request parameters.
 */
package dev.workspace.mfa.web.pages;
