/**
 * Accounts as use cases: create a person, find them, list them, each through
 * {@link dev.workspace.mfa.core.account.AccountService}. Email rules live in
 * {@link dev.workspace.mfa.core.account.EmailAddress}; password rules in the password package.
 */
package dev.workspace.mfa.core.account;
