package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.tokens.ApiTokenView;
import dev.workspace.mfa.admin.tokens.ApiTokens;
import dev.workspace.mfa.admin.tokens.NewApiToken;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code /admin/tokens}: the admin's own API tokens: create (shown once), see when each was last used, revoke. */
@Named
@RequestScoped
public class ApiTokensBean {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    private ApiTokens tokens;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private String name;
    private int days = 90;
    private String secret;
    private List<ApiTokenView> mine;

    public void create() {
        try {
            NewApiToken created = tokens.create(name, days, client());
            secret = created.secret();
            name = null;
            mine = null;
            Messages.info(facesContext, "tokens.created", created.token().name());
        } catch (AdminActionRefusedException e) {
            Messages.error(facesContext, null, "tokens.invalid");
            facesContext.getExternalContext().setResponseStatus(400);
        }
    }

    public void revoke(long id) {
        try {
            tokens.revoke(id, client());
            mine = null;
            Messages.info(facesContext, "tokens.revoked");
        } catch (AdminActionRefusedException e) {
            Messages.error(facesContext, null, "people.refused.NOT_FOUND");
        }
    }

    public List<ApiTokenView> getMine() {
        if (mine == null) {
            mine = tokens.mine();
        }
        return mine;
    }

    public String when(Instant time) {
        return time == null ? "" : WHEN.format(time);
    }

    private dev.workspace.mfa.core.audit.Client client() {
        return clientAddress.client((HttpServletRequest) facesContext.getExternalContext().getRequest());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
    public String getSecret() { return secret; }
}
