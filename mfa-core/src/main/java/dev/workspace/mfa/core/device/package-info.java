/**
 * Remembered devices: "Don't ask again on this device" at the second step lets a browser skip that step (never the
 * password) for the number of days the workspace policy allows. Only a keyed hash of the browser's token is kept; a
 * device is forgotten with its owner's sessions (password change, 2FA reset or switch, deactivation) and all of them
 * when the owner turns the feature off.
 */
package dev.workspace.mfa.core.device;
