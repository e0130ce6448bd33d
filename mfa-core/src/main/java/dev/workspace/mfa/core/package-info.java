/**
 * The business core of two-factor sign-in, as EJB services behind plain interfaces (no HTTP or Faces types).
 * Each sub-package is one area of the product; the security numbers (docs/security.md) live in the classes named there.
 */
package dev.workspace.mfa.core;
