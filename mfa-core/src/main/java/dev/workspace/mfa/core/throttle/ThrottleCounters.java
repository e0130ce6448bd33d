package dev.workspace.mfa.core.throttle;

import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.persistence.throttle.SignInThrottle;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database rows behind {@link Throttle}'s counters: per normalised email, known or not (keyed by an HMAC, so the
 * table holds no typed addresses), per client address, per person's second factor and per person's codes sent. A row is read under a row lock
 * ({@code SELECT … FOR UPDATE}) so that parallel failures on any node count one by one.
 */
@Stateless
public class ThrottleCounters {

    private static final int MAX_ADDRESS_LENGTH = 64;
    /** Digits, hex, dots and colons only: parsing it never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private ServerKeys keys;

    /** The key of a person's second-factor failures. */
    public static String secondFactorKey(long accountId) {
        return "second-factor:" + accountId;
    }

    /** The key of the codes sent to a person within one of the sending limits. */
    public static String codesSentKey(long accountId, String window) {
        return "codes-" + window + ":" + accountId;
    }

    /** The key of the codes sent on behalf of one client address. */
    public static String codesSentFromKey(String clientAddress) {
        return "codes-" + addressKey(clientAddress);
    }

    /** The key of a normalised email's counter. */
    public String emailKey(String normalizedEmail) {
        return "email:" + KeyedHash.hex(keys.throttleKey(), normalizedEmail);
    }

    /**
     * The key of a client address's counter: the address in its canonical spelling, and for IPv6 its /64 network,
     * since one subscriber usually holds a whole /64 and could otherwise take a fresh address for every 100 guesses.
     */
    public static String addressKey(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress.strip();
        if (IP_LITERAL.matcher(address).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                if (parsed instanceof Inet6Address) {
                    byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    return "address:" + InetAddress.getByAddress(network).getHostAddress() + "/64";
                }
                return "address:" + parsed.getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                // Kept as written below.
            }
        }
        return "address:" + (address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address);
    }

    /** The counter as it stands, without a lock: for a quick refusal before the slow hash. */
    public Optional<SignInThrottle> peek(String key) {
        return Optional.ofNullable(em.find(SignInThrottle.class, key));
    }

    /** The counter if there is one, locked until the caller's transaction ends. */
    public Optional<SignInThrottle> lockedIfPresent(String key) {
        return Optional.ofNullable(em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The counter, locked until the caller's transaction ends; created first when missing. */
    public SignInThrottle locked(String key, LocalDateTime now) {
        SignInThrottle counter = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter != null) {
            return counter;
        }
        try {
            session.getBusinessObject(ThrottleCounters.class).create(key, now);
        } catch (EJBException createdMeanwhile) {
            // Most likely another request created the same row first; if not, the find below says so.
        }
        SignInThrottle created = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (created == null) {
            throw new IllegalStateException("the sign-in counter " + key + " could not be created");
        }
        return created;
    }

    public void remove(SignInThrottle counter) {
        em.remove(counter);
    }

    /** In a transaction of its own, so that losing a race to create the same row leaves the caller's intact. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String key, LocalDateTime now) {
        em.persist(new SignInThrottle(key, now));
    }
}
