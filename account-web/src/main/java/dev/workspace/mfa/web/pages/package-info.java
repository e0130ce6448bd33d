/**
 * Beans of the signed-in pages: the workspace home, the security settings and the admin console.
 * Who the caller is comes from {@link dev.workspace.mfa.web.pages.CurrentUser}, never from request parameters.
 */
package dev.workspace.mfa.web.pages;
