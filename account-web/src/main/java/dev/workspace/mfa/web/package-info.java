/**
 * Everything HTTP: Faces pages, the sign-in mechanism, the health endpoint and web hygiene.
 * Beans here are thin: they call one service from mfa-core or mfa-admin and turn its outcome into a page or a message.
 */
package dev.workspace.mfa.web;
