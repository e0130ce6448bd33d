package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.admin.users.UserAdministrationService;
import dev.workspace.mfa.core.account.AccountSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The admin console's list of people. */
@Named
@RequestScoped
public class AdminConsoleBean {

    @Inject
    private UserAdministrationService users;

    private List<AccountSummary> accounts;

    public List<AccountSummary> getAccounts() {
        if (accounts == null) {
            accounts = users.listAccounts();
        }
        return accounts;
    }
}
