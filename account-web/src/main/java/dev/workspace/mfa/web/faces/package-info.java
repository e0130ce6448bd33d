/**
 * Faces plumbing shared by all pages: the message bundle lookup and the handling of expired or forged views
 * (a 303 back to the page with a message, never a 500).
 */
package dev.workspace.mfa.web.faces;
