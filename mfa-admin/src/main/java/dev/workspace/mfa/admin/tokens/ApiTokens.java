package dev.workspace.mfa.admin.tokens;

import dev.workspace.mfa.core.audit.Client;

import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens for the admin API: an admin or owner makes them in the console (a name, an expiry of 1 to 365
 * days), sees each once, and may revoke them; only a keyed hash is stored. A token acts as its owner, with the owner's
 * roles of the moment, and stops working when its owner is deactivated or no longer an admin or owner.
 */
public interface ApiTokens {

    int MAX_DAYS = 365;

    /** @throws dev.workspace.mfa.core.account.AdminActionRefusedException {@code INVALID_NAME} for a bad name or expiry */
    NewApiToken create(String name, int validDays, Client client);

    /** The caller's own tokens, newest first. */
    List<ApiTokenView> mine();

    /** Revokes one of the caller's own tokens. @throws ...{@code NOT_FOUND} */
    void revoke(long id, Client client);

    /**
     * The caller a bearer token stands for, or empty for an unknown, expired or revoked token, or one whose owner may
     * no longer use the API (no longer an active admin, or their 2FA is due under the workspace policy). Also accepts {@code MFA_BOOTSTRAP_API_TOKEN} (an owner named {@code bootstrap-token}).
     */
    Optional<ApiCaller> authenticate(String bearerToken);
}
