package dev.workspace.mfa.core.device;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.RandomTokens;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.device.RememberedDevice;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A device's token is 256 random bits; only its keyed hash is stored. It is valid under the session generation of its
 * owner it was made in, so whatever ends the person's sessions forgets their devices too, on every node at once.
 */
@Stateless
public class RememberedDevicesBean implements RememberedDevices {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PolicyService policies;

    @Inject
    private ServerKeys keys;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private ClusterTasks tasks;

    @Override
    public int rememberDays() {
        return policies.current().rememberDeviceDays();
    }

    @Override
    public Optional<DeviceToken> remember(long userId, String description, Client client) {
        int days = rememberDays();
        UserAccount account = em.find(UserAccount.class, userId);
        if (days == 0 || account == null) {
            return Optional.empty();
        }
        String token = RandomTokens.next();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime expires = now.plusDays(days);
        String shown = description == null || description.isBlank() ? "Unknown browser" : description.strip();
        shown = shown.length() > RememberedDevice.MAX_DESCRIPTION_LENGTH
                ? shown.substring(0, RememberedDevice.MAX_DESCRIPTION_LENGTH) : shown;
        em.persist(new RememberedDevice(userId, account.getSessionGeneration(), hash(token), shown, now, expires));
        audit.record(AuditEventType.DEVICE_REMEMBERED, userId, userId, account.getEmail(), client.address(),
                shown + ", for " + days + " days");
        return Optional.of(new DeviceToken(token, expires.toInstant(ZoneOffset.UTC)));
    }

    @Override
    public boolean recognises(long userId, String token, Client client) {
        int days = rememberDays();
        if (days == 0 || token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<RememberedDevice> device = em.createNamedQuery(RememberedDevice.BY_HASH, RememberedDevice.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst();
        UserAccount account = em.find(UserAccount.class, userId);
        // An owner who shortened the period shortens it for devices already remembered too.
        if (device.isEmpty() || account == null || device.get().getOwnerId() != userId
                || !device.get().isValidAt(now, account.getSessionGeneration())
                || !device.get().getCreatedAt().plusDays(days).isAfter(now)) {
            return false;
        }
        device.get().setLastUsedAt(now);
        audit.record(AuditEventType.REMEMBERED_DEVICE_USED, userId, userId, account.getEmail(), client.address(),
                device.get().getDescription());
        return true;
    }

    @Override
    public List<DeviceEntry> list(long userId) {
        UserAccount account = em.find(UserAccount.class, userId);
        if (account == null || rememberDays() == 0) {
            return List.of();
        }
        return em.createNamedQuery(RememberedDevice.FOR_OWNER, RememberedDevice.class)
                .setParameter("ownerId", userId).setParameter("generation", account.getSessionGeneration())
                .setParameter("now", LocalDateTime.now(clock)).getResultStream()
                .map(d -> new DeviceEntry(d.getId(), d.getDescription(), d.getCreatedAt(), d.getExpiresAt(), d.getLastUsedAt()))
                .toList();
    }

    @Override
    public void forget(long userId, long deviceId, Client client) {
        int removed = em.createNamedQuery(RememberedDevice.DELETE_ONE).setParameter("id", deviceId)
                .setParameter("ownerId", userId).executeUpdate();
        if (removed > 0) {
            recordForgotten(userId, "one device", client);
        }
    }

    @Override
    public void forgetAll(long userId, Client client) {
        int removed = em.createNamedQuery(RememberedDevice.DELETE_FOR_OWNER).setParameter("ownerId", userId).executeUpdate();
        if (removed > 0) {
            recordForgotten(userId, removed + " devices", client);
        }
    }

    private void recordForgotten(long userId, String what, Client client) {
        UserAccount account = em.find(UserAccount.class, userId);
        audit.record(AuditEventType.DEVICES_FORGOTTEN, userId, userId, account == null ? null : account.getEmail(),
                client.address(), what);
    }

    /** Nightly: rows of devices past their expiry are of no use to anyone. One node of a cluster does it for all. */
    @Schedule(hour = "3", minute = "41", persistent = false)
    public void removeExpired() {
        if (!tasks.claimRun("remembered-device-expiry", Duration.ofDays(1))) {
            return;
        }
        em.createNamedQuery(RememberedDevice.DELETE_EXPIRED).setParameter("now", LocalDateTime.now(clock)).executeUpdate();
    }

    private String hash(String token) {
        return KeyedHash.hex(keys.rememberedDeviceKey(), token);
    }
}
