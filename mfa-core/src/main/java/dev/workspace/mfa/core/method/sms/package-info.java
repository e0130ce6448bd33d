/**
 * The SMS method: codes texted to a mobile number checked and normalised with libphonenumber, through
 * {@link dev.workspace.mfa.core.method.code.SentCodes} and its rules. The weakest method, and labelled so.
 */
package dev.workspace.mfa.core.method.sms;
