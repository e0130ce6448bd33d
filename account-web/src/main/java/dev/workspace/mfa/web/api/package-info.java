/**
 * The admin REST API under {@code /api/v1}: thin resources over the same mfa-admin services as the console (same
 * rules, same audit; the actor is the token's owner). Rules here: bodies are read strictly ({@code JsonBodies}: unknown
 * fields and wrong types are a 400) and every failure is a JSON error ({@code ApiExceptionMappers}), never a page.
 */
package dev.workspace.mfa.web.api;
