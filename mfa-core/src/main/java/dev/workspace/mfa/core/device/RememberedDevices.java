package dev.workspace.mfa.core.device;

import dev.workspace.mfa.core.audit.Client;

import java.util.List;
import java.util.Optional;

/** "Don't ask again on this device": remembering a browser after a second step, and recognising it later. */
public interface RememberedDevices {

    /** How many days a device is remembered for; 0 when the workspace policy turned the feature off. */
    int rememberDays();

    /**
     * Right after a person passed the second step on this browser: remembers it for the policy's days, audited.
     *
     * @param description what the browser calls itself, e.g. "Firefox on Windows", for the person's list
     * @return the token for the browser's cookie; empty when the policy has the feature off
     */
    Optional<DeviceToken> remember(long userId, String description, Client client);

    /**
     * At sign-in, after the password: true when the token is one of this person's remembered devices, still within
     * both its own expiry and the policy's current number of days, and made since the person's sessions last ended.
     * A use is audited and shown to the person as "last used".
     */
    boolean recognises(long userId, String token, Client client);

    /** The person's remembered devices, newest first. */
    List<DeviceEntry> list(long userId);

    /** Forgets one of the person's devices (another person's id changes nothing). */
    void forget(long userId, long deviceId, Client client);

    /** Forgets every device of the person. */
    void forgetAll(long userId, Client client);
}
