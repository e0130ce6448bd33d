package dev.workspace.mfa.admin.users;

import dev.workspace.mfa.core.account.AccountSummary;

import java.util.List;

/** The admin console's view of the people in the workspace. */
public interface UserAdministrationService {

    /** Every account, ordered by email. */
    List<AccountSummary> listAccounts();
}
