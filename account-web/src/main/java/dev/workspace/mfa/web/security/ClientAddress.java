package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.audit.Client;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The address of the client behind a request, for throttling and the audit trail. {@code X-Forwarded-For} is believed
 * only from the proxies listed in {@code MFA_TRUSTED_PROXIES}: walking it from the right, the first address that is not
 * one of them is the client (anything left of it could have been written by the client itself).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    private MfaSettings settings;

    private Set<String> trustedProxies;

    @PostConstruct
    void load() {
        trustedProxies = settings.trustedProxies();
    }

    /** The client address and browser, as the audit trail and security emails name them. */
    public Client client(HttpServletRequest request) {
        return new Client(of(request), request.getHeader("User-Agent"));
    }

    public String of(HttpServletRequest request) {
        // Some proxies add a header line of their own rather than appending to the client's: read every line, in order.
        String forwardedFor = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        return of(request.getRemoteAddr(), forwardedFor.isEmpty() ? null : forwardedFor, trustedProxies);
    }

    static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = List.of(forwardedFor.split(","));
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client;
    }
}
