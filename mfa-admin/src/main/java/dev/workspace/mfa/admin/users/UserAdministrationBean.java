package dev.workspace.mfa.admin.users;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

@Stateless
@RolesAllowed({"admin", "owner"})
public class UserAdministrationBean implements UserAdministrationService {

    @Inject
    private AccountService accounts;

    @Override
    public List<AccountSummary> listAccounts() {
        return accounts.listAccounts();
    }
}
