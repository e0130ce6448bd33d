/**
 * The sign-in use cases: checking email and password with constant work, counting failures per account in the
 * database, and saying whether a second step must follow. The 10-failures/15-minutes rule comes from the throttle package.
 */
package dev.workspace.mfa.core.signin;
