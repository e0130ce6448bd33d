package dev.workspace.mfa.core.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The LDAP conversation with the directory (UnboundID LDAP SDK): searches run as the service account over a small
 * pool; a person's password is checked by binding as them on a connection of its own, never a pooled one. Servers are
 * tried in the order configured. Every value put into a filter is escaped per RFC 4515.
 */
public final class LdapDirectory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());
    /** Groups inside groups are followed this deep; a cycle stops earlier, since no group is visited twice. */
    private static final int MAX_GROUP_DEPTH = 10;
    private static final int PAGE_SIZE = 500;
    private static final int MAX_POOLED_CONNECTIONS = 8;

    private final DirectorySettings settings;
    private final ServerSet servers;
    private final BindRequest serviceBind;
    private LDAPConnectionPool pool;

    public LdapDirectory(DirectorySettings settings) {
        this.settings = settings;
        this.serviceBind = settings.bindDn().isEmpty() ? null : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        this.servers = serverSet(settings);
    }

    /**
     * The person with this email, when the password is theirs.
     *
     * @return empty for an unknown email, a wrong (or empty) password, or an email that several entries carry
     * @throws DirectoryUnavailableException when no server answered
     */
    public Optional<DirectoryPerson> authenticate(String email, String password) throws DirectoryUnavailableException {
        if (password == null || password.isEmpty()) {
            // An empty password is an anonymous bind, which most servers accept: it proves nothing.
            return Optional.empty();
        }
        Optional<SearchResultEntry> entry = entryFor(email);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (LDAPConnection connection = servers.getConnection()) {
            connection.bind(new SimpleBindRequest(entry.get().getDN(), password));
        } catch (LDAPException e) {
            if (unreachable(e)) {
                throw unavailable("binding as a person", e);
            }
            return Optional.empty();
        }
        return Optional.of(person(entry.get()));
    }

    /** The person with this email, as the directory describes them now; empty when the directory has no such person. */
    public Optional<DirectoryPerson> find(String email) throws DirectoryUnavailableException {
        Optional<SearchResultEntry> entry = entryFor(email);
        return entry.isEmpty() ? Optional.empty() : Optional.of(person(entry.get()));
    }

    /** Everyone the user filter finds under the user base, read page by page. */
    public List<DirectoryPerson> everyone() throws DirectoryUnavailableException {
        List<SearchResultEntry> entries = new ArrayList<>();
        try {
            Filter filter = Filter.create(settings.userFilter().replace("{0}", "*"));
            LDAPConnection connection = pool().getConnection();
            try {
                byte[] cookie = null;
                do {
                    SearchRequest request = new SearchRequest(settings.userBase(), SearchScope.SUB, filter,
                            settings.emailAttribute(), settings.nameAttribute());
                    request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie == null ? null
                            : new com.unboundid.asn1.ASN1OctetString(cookie), true));
                    SearchResult result = connection.search(request);
                    entries.addAll(result.getSearchEntries());
                    SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
                    cookie = paging != null && paging.moreResultsToReturn() ? paging.getCookie().getValue() : null;
                } while (cookie != null);
                pool.releaseConnection(connection);
            } catch (LDAPException e) {
                pool.releaseDefunctConnection(connection);
                throw e;
            }
        } catch (LDAPException e) {
            throw unavailable("listing people", e);
        }
        List<DirectoryPerson> people = new ArrayList<>();
        for (SearchResultEntry entry : entries) {
            if (entry.getAttributeValue(settings.emailAttribute()) != null) {
                people.add(person(entry));
            }
        }
        return people;
    }

    private Optional<SearchResultEntry> entryFor(String email) throws DirectoryUnavailableException {
        Filter filter;
        try {
            filter = Filter.create(settings.userFilter().replace("{0}", Filter.encodeValue(email)));
        } catch (LDAPException e) {
            throw new IllegalStateException("MFA_LDAP_USER_FILTER is not a valid filter: " + e.getMessage());
        }
        try {
            SearchRequest request = new SearchRequest(settings.userBase(), SearchScope.SUB, filter,
                    settings.emailAttribute(), settings.nameAttribute());
            request.setSizeLimit(2);
            List<SearchResultEntry> found = pool().search(request).getSearchEntries();
            if (found.size() > 1) {
                LOG.warning(() -> "Directory: several entries carry the email " + email + "; none is signed in");
                return Optional.empty();
            }
            // An entry without an email (a custom filter may find one) is nobody we can sign in.
            return found.stream().filter(entry -> entry.getAttributeValue(settings.emailAttribute()) != null).findFirst();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                LOG.warning(() -> "Directory: several entries carry the email " + email + "; none is signed in");
                return Optional.empty();
            }
            throw unavailable("searching a person", e);
        } catch (LDAPException e) {
            throw unavailable("searching a person", e);
        }
    }

    private DirectoryPerson person(SearchResultEntry entry) throws DirectoryUnavailableException {
        String email = entry.getAttributeValue(settings.emailAttribute()).strip().toLowerCase(Locale.ROOT);
        String name = entry.getAttributeValue(settings.nameAttribute());
        return new DirectoryPerson(entry.getDN(), email, name == null ? "" : name.strip(), groupsOf(entry.getDN()));
    }

    /** The groups that list the entry as a member, then the groups that list those, and so on. */
    private Set<String> groupsOf(String dn) throws DirectoryUnavailableException {
        Set<String> names = new HashSet<>();
        Set<String> visited = new HashSet<>();
        List<String> members = List.of(dn);
        try {
            Filter groups = Filter.create(settings.groupFilter());
            for (int depth = 0; depth < MAX_GROUP_DEPTH && !members.isEmpty(); depth++) {
                List<Filter> memberOf = members.stream()
                        .map(member -> Filter.createEqualityFilter(settings.memberAttribute(), member)).toList();
                SearchResult result = pool().search(new SearchRequest(settings.groupBase(), SearchScope.SUB,
                        Filter.createANDFilter(groups, Filter.createORFilter(memberOf)), settings.groupNameAttribute()));
                List<String> next = new ArrayList<>();
                for (SearchResultEntry group : result.getSearchEntries()) {
                    if (visited.add(group.getDN().toLowerCase(Locale.ROOT))) {
                        next.add(group.getDN());
                        String name = group.getAttributeValue(settings.groupNameAttribute());
                        if (name != null && !name.isBlank()) {
                            names.add(name.strip());
                        }
                    }
                }
                members = next;
            }
        } catch (LDAPException e) {
            throw unavailable("reading groups", e);
        }
        return names;
    }

    private synchronized LDAPConnectionPool pool() throws LDAPException {
        if (pool == null || pool.isClosed()) {
            // No connection made here, under the lock: while the directory is down, sign-ins must not queue behind a
            // connect time-out. Connections are made as they are needed, outside it.
            pool = new LDAPConnectionPool(servers, serviceBind, 0, MAX_POOLED_CONNECTIONS, (PostConnectProcessor) null);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private static boolean unreachable(LDAPException e) {
        return !ResultCode.isConnectionUsable(e.getResultCode()) || e.getResultCode() == ResultCode.TIMEOUT
                || e.getResultCode() == ResultCode.UNAVAILABLE || e.getResultCode() == ResultCode.BUSY;
    }

    /** Logged with the cause and no stack trace; the service account's password is in no message. */
    private static DirectoryUnavailableException unavailable(String doing, LDAPException e) {
        LOG.warning(() -> "Directory unavailable while " + doing + ": " + e.getResultCode() + " " + e.getMessage());
        return new DirectoryUnavailableException("directory unavailable while " + doing);
    }

    private static ServerSet serverSet(DirectorySettings settings) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.readTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLSocketFactory tls = tlsSocketFactory(settings);
        PostConnectProcessor startTls = settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null;
        List<ServerSet> each = new ArrayList<>();
        for (LDAPURL url : settings.servers()) {
            boolean ldaps = "ldaps".equals(url.getScheme());
            SocketFactory sockets = ldaps ? tls : SocketFactory.getDefault();
            each.add(new SingleServerSet(url.getHost(), url.getPort(), sockets, options, null, ldaps ? null : startTls));
        }
        return each.size() == 1 ? each.get(0) : new FailoverServerSet(each.toArray(ServerSet[]::new));
    }

    /** Trusts the configured trust store (a private CA), or else the JVM's own. */
    private static SSLSocketFactory tlsSocketFactory(DirectorySettings settings) {
        TrustManager trust = settings.trustStore().<TrustManager>map(path -> new TrustStoreTrustManager(path.toFile(),
                settings.trustStorePassword().map(String::toCharArray).orElse(null),
                path.toString().toLowerCase(Locale.ROOT).matches(".*\\.(p12|pfx)$") ? "PKCS12" : "JKS", true))
                .orElse(JVMDefaultTrustManager.getInstance());
        try {
            return new SSLUtil(trust).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MFA_LDAP_TRUST_STORE cannot be used: " + e.getMessage());
        }
    }
}
