/**
 * Black-box tests of the packaged {@code mfa.war} on Payara Micro, over HTTP as a browser or a script sees it.
 * They assert the public surface described in the README and docs/security.md: URLs, status codes, headers, wording.
 */
package dev.workspace.mfa.it;
