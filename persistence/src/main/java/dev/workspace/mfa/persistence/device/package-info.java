/**
 * Browsers a person chose to remember at the second step ("Don't ask again on this device"), stored as keyed hashes of
 * their cookie tokens; times are UTC. A device is valid only under the session generation of its owner it was made in.
 */
package dev.workspace.mfa.persistence.device;
