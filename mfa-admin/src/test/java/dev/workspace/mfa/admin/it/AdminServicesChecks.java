package dev.workspace.mfa.admin.it;

import dev.workspace.mfa.admin.audit.AuditPage;
import dev.workspace.mfa.admin.audit.AuditQuery;
import dev.workspace.mfa.admin.audit.AuditTrail;
import dev.workspace.mfa.admin.groups.GroupAdministration;
import dev.workspace.mfa.admin.importing.ImportError;
import dev.workspace.mfa.admin.importing.ImportReader;
import dev.workspace.mfa.admin.importing.ImportResult;
import dev.workspace.mfa.admin.importing.PeopleImport;
import dev.workspace.mfa.admin.people.NewPerson;
import dev.workspace.mfa.admin.people.PeopleAdministration;
import dev.workspace.mfa.admin.people.PeopleDirectory;
import dev.workspace.mfa.admin.people.PeopleQuery;
import dev.workspace.mfa.admin.people.Person;
import dev.workspace.mfa.admin.people.PersonChanges;
import dev.workspace.mfa.admin.people.PersonPage;
import dev.workspace.mfa.admin.tokens.ApiTokens;
import dev.workspace.mfa.admin.tokens.NewApiToken;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.AdminActionRefusedException.Reason;
import dev.workspace.mfa.core.account.PasswordLinks;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.delivery.DevOutbox;
import dev.workspace.mfa.core.delivery.OutboxEntry;
import dev.workspace.mfa.core.device.DeviceEntry;
import dev.workspace.mfa.core.device.DeviceToken;
import dev.workspace.mfa.core.device.RememberedDevices;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.core.policy.WorkspacePolicy;
import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.core.signin.SignInResult.Outcome;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import dev.workspace.mfa.persistence.secondfactor.RecoveryCode;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin services in Payara Micro against a real database, called as an owner, an admin and a plain user: roles
 * and the rules that protect people hold in the services themselves, a 2FA reset removes every secret and ends the
 * person's sessions, and an import keeps good lines and leaves nothing of bad ones. Each database gets a subclass.
 */
abstract class AdminServicesChecks {

    private static final Client CLIENT = new Client("192.0.2.10", "in-container test");
    private static final String LINK_BASE = "http://localhost/login/set-password?token=";
    private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Inject
    AsOwner owner;
    @Inject
    AsAdmin admin;
    @Inject
    AsUser user;
    @Inject
    PeopleAdministration people;
    @Inject
    PeopleDirectory directory;
    @Inject
    PeopleImport importer;
    @Inject
    GroupAdministration groups;
    @Inject
    AuditTrail auditTrail;
    @Inject
    AccountService accounts;
    @Inject
    TwoFactorService twoFactor;
    @Inject
    PasswordLinks links;
    @Inject
    PasswordSignInService signIn;
    @Inject
    PolicyService policies;
    @Inject
    RememberedDevices devices;
    @Inject
    ApiTokens tokens;
    @Inject
    DevOutbox outbox;
    @PersistenceContext(unitName = "mfa")
    EntityManager em;
    @Resource
    UserTransaction tx;

    /** The admin and the user the callers stand for, added by the owner once. */
    @BeforeEach
    void peopleForTheCallers() throws Exception {
        for (Map.Entry<String, List<String>> person : Map.of(AdminDeployment.ADMIN_EMAIL, List.of("admin", "user"),
                AdminDeployment.USER_EMAIL, List.of("user")).entrySet()) {
            if (account(person.getKey()) == null) {
                owner.run(() -> people.add(new NewPerson(person.getKey(), "Caller", person.getValue(), List.of(),
                        AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT));
            }
        }
    }

    @Test
    void servicesRefuseCallersWithoutAnAdminRole() throws Exception {
        long someone = id(AdminDeployment.USER_EMAIL);
        List<Caller.Work> adminOnly = List.of(
                () -> people.add(new NewPerson("sneaky@it.test", "Sneaky", List.of("admin"), List.of(), null, false),
                        LINK_BASE, CLIENT),
                () -> people.change(someone, new PersonChanges(null, List.of("owner", "admin", "user"), null, null), CLIENT),
                () -> people.unlock(someone, CLIENT),
                () -> people.resetTwoFactor(someone, CLIENT),
                () -> directory.find(PeopleQuery.all(0, 10)),
                () -> importer.importPeople(ImportReader.Format.CSV, new StringReader("email\nsneaky@it.test\n"), CLIENT),
                () -> groups.create("sneaky", CLIENT),
                () -> auditTrail.find(new AuditQuery(null, null, null, null, null, 0, 10)),
                // The same rules in core, for any door that calls it directly.
                () -> accounts.unlock(someone, CLIENT),
                () -> twoFactor.resetByAdministrator(someone, CLIENT),
                () -> links.sendInvitation(someone, LINK_BASE, CLIENT));
        for (Caller.Work call : adminOnly) {
            assertThrows(EJBAccessException.class, call::run, "without a caller");
            assertInstanceOf(EJBAccessException.class, refusal(user, call), "as a user");
        }
        assertEquals(null, account("sneaky@it.test"));
        assertEquals(Set.of(Role.USER), account(AdminDeployment.USER_EMAIL).getRoles());
        assertTrue(em.createQuery("SELECT g FROM WorkspaceGroup g WHERE g.nameKey = 'sneaky'").getResultList().isEmpty());
    }

    @Test
    void adminsCannotTouchOwnersAndTheLastOwnerStays() throws Exception {
        long ownerId = id(AdminDeployment.OWNER_EMAIL);
        long adminId = id(AdminDeployment.ADMIN_EMAIL);
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> people.add(new NewPerson("second.owner@it.test", "Second",
                List.of("owner"), List.of(), null, false), LINK_BASE, CLIENT)));
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> people.change(ownerId,
                new PersonChanges("Renamed by an admin", null, null, null), CLIENT)));
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> people.change(adminId,
                new PersonChanges(null, List.of("owner", "admin", "user"), null, null), CLIENT)));
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> people.unlock(ownerId, CLIENT)));
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> people.resetTwoFactor(ownerId, CLIENT)));
        assertReason(Reason.OWN_ACCOUNT, refusal(admin, () -> people.resetTwoFactor(adminId, CLIENT)));
        assertReason(Reason.OWN_ACCOUNT, refusal(admin, () -> people.change(adminId,
                new PersonChanges(null, null, null, false), CLIENT)));

        assertEquals(1, activeOwners(), "the bootstrap administrator is the only owner");
        assertReason(Reason.LAST_OWNER, refusal(owner, () -> people.change(ownerId,
                new PersonChanges(null, List.of("admin", "user"), null, null), CLIENT)));
        assertEquals(1, activeOwners());
        assertFalse(account(AdminDeployment.OWNER_EMAIL).getDisplayName().startsWith("Renamed"));
        assertEquals(null, account("second.owner@it.test"));
    }

    /**
     * Two owners, and two changes at once that would each leave one: together they must not leave none. Each
     * change locks the owners' rows, so the second waits for the first and then sees that it would remove the last
     * owner; neither may fail any other way (a deadlock or a lock time-out would be a 500 for the admin).
     */
    @Test
    void twoOwnerRemovalsAtOnceLeaveExactlyOneOwner() throws Exception {
        long ownerId = id(AdminDeployment.OWNER_EMAIL);
        long second = owner.call(() -> people.add(new NewPerson("co.owner@it.test", "Co-owner",
                List.of("owner", "admin", "user"), List.of(), AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT)).person().id();
        try {
            for (int round = 0; round < 5; round++) {
                assertEquals(2, activeOwners());
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<Throwable> demoteOther = pool.submit(() -> {
                        start.await();
                        return refusalOrNull(owner, () -> people.change(second,
                                new PersonChanges(null, List.of("admin", "user"), null, null), CLIENT));
                    });
                    Future<Throwable> demoteSelf = pool.submit(() -> {
                        start.await();
                        return refusalOrNull(owner, () -> people.change(ownerId,
                                new PersonChanges(null, List.of("admin", "user"), null, null), CLIENT));
                    });
                    start.countDown();
                    List<Throwable> outcomes = Arrays.asList(demoteOther.get(), demoteSelf.get());
                    assertEquals(1, outcomes.stream().filter(t -> t == null).count(), "exactly one change: " + outcomes);
                    outcomes.stream().filter(t -> t != null).forEach(t -> assertReason(Reason.LAST_OWNER, t));
                    assertEquals(1, activeOwners());
                } finally {
                    pool.shutdownNow();
                }
                // Both owners again for the next round (the container still sees the caller as an owner).
                for (long demoted : List.of(ownerId, second)) {
                    owner.run(() -> people.change(demoted, new PersonChanges(null, List.of("owner", "admin", "user"),
                            null, null), CLIENT));
                }
            }
        } finally {
            owner.run(() -> people.change(ownerId, new PersonChanges(null, List.of("owner", "admin", "user"), null, null), CLIENT));
            owner.run(() -> people.change(second, new PersonChanges(null, List.of("user"), null, false), CLIENT));
        }
    }

    @Test
    void resetRemovesEverySecretEndsSessionsAndIsAudited() throws Exception {
        String email = "lost.phone@it.test";
        ImportResult imported = admin.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(
                "email,name,password,totp_secret\n" + email + ",Lost Phone," + AdminDeployment.PASSWORD + "," + TOTP_SECRET + "\n"),
                CLIENT));
        assertEquals(List.of(), imported.errors());
        long id = id(email);
        tx.begin();
        em.persist(new RecoveryCode(id, 0, "keyed-hash-of-a-code", null));
        tx.commit();
        int generation = account(email).getSessionGeneration();
        assertTrue(signIn.checkPassword(email, AdminDeployment.PASSWORD, "192.0.2.11").secondStepRequired(),
                "the imported authenticator is asked for after the password");

        admin.run(() -> people.resetTwoFactor(id, CLIENT));

        assertEquals(0, count(SecondFactorCredential.class, id), "no credential is left");
        assertEquals(0, count(RecoveryCode.class, id), "no recovery code is left");
        assertTrue(account(email).getSessionGeneration() > generation, "every open session ends");
        SignInResult afterReset = signIn.checkPassword(email, AdminDeployment.PASSWORD, "192.0.2.11");
        assertEquals(Outcome.PASSWORD_ACCEPTED, afterReset.outcome());
        assertFalse(afterReset.secondStepRequired(), "the password alone signs in, so the person can set 2FA up again");
        assertTrue(owner.call(() -> auditTrail.find(new AuditQuery(email, AdminDeployment.ADMIN_EMAIL,
                AuditEventType.TWO_FACTOR_RESET.name(), null, null, 0, 10))).total() == 1, "audited with the acting admin");
    }

    @Test
    void importKeepsGoodLinesAndLeavesNothingOfBadOnes() throws Exception {
        String file = String.join("\n",
                "email,name,roles,groups,password,password_hash,totp_secret",
                "good.one@it.test,Good One,user,imported,a long password 1,,",
                "not an email,Bad Email,user,,,,",
                "good.two@it.test,Good Two,user;admin,imported,,$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW,",
                "bad.secret@it.test,Bad Secret,user,ghost-group,a long password 2,,not*base32",
                "bad.role@it.test,Bad Role,emperor,ghost-group,a long password 3,,",
                "good.three@it.test,Good Three,,imported,a long password 4,," + TOTP_SECRET,
                "");
        ImportResult result = admin.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(file), CLIENT));

        assertEquals(3, result.created() + result.updated(), result.toString());
        assertEquals(List.of(3, 5, 6), result.errors().stream().map(ImportError::line).toList(), result.toString());
        for (String bad : List.of("bad.secret@it.test", "bad.role@it.test")) {
            assertEquals(null, account(bad), bad + " was not imported");
        }
        assertTrue(em.createQuery("SELECT g FROM WorkspaceGroup g WHERE g.nameKey = 'ghost-group'").getResultList().isEmpty(),
                "a failed line leaves no group behind");
        UserAccount two = account("good.two@it.test");
        assertEquals(Set.of(Role.ADMIN, Role.USER), two.getRoles());
        assertEquals(Set.of("imported"), two.getGroups().stream().map(WorkspaceGroup::getNameKey).collect(Collectors.toSet()));
        assertEquals(Outcome.PASSWORD_ACCEPTED, signIn.checkPassword("good.two@it.test", "U*U", "192.0.2.12").outcome(),
                "the bcrypt hash opens the account");
        assertTrue(account("good.two@it.test").getPasswordHash().startsWith("$argon2id$"), "and is replaced by ours");
    }

    /** An import for people who exist changes what an admin may change on the console, under the same rules. */
    @Test
    void importNeverTakesOverAnAccountNorRemovesTheLastOwner() throws Exception {
        String before = account(AdminDeployment.USER_EMAIL).getPasswordHash();
        ImportResult takeover = admin.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(
                "email,name,password,totp_secret\n"
                        + AdminDeployment.USER_EMAIL + ",Caller,a password the admin knows,\n"
                        + AdminDeployment.USER_EMAIL + ",Caller,," + TOTP_SECRET + "\n"
                        + AdminDeployment.USER_EMAIL + ",Renamed By Import,,\n"), CLIENT));
        assertEquals(List.of("EXISTING_PERSON_CREDENTIALS", "EXISTING_PERSON_CREDENTIALS"),
                takeover.errors().stream().map(ImportError::code).toList(), takeover.toString());
        assertEquals(1, takeover.updated());
        UserAccount user = account(AdminDeployment.USER_EMAIL);
        assertEquals(before, user.getPasswordHash(), "the password is the person's");
        assertEquals(0, count(SecondFactorCredential.class, user.getId()), "no authenticator of the admin's choosing");
        assertEquals("Renamed By Import", user.getDisplayName());
        assertEquals(1, owner.call(() -> auditTrail.find(new AuditQuery(AdminDeployment.USER_EMAIL, AdminDeployment.ADMIN_EMAIL,
                AuditEventType.ACCOUNT_UPDATED.name(), null, null, 0, 10))).total(), "audited with what changed");

        ImportResult demotions = owner.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(
                "email,roles\n" + AdminDeployment.OWNER_EMAIL + ",admin;user\n"), CLIENT));
        assertEquals(List.of("LAST_OWNER"), demotions.errors().stream().map(ImportError::code).toList());
        ImportResult byAnAdmin = admin.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(
                "email,name\n" + AdminDeployment.OWNER_EMAIL + ",Renamed\n" + AdminDeployment.USER_EMAIL + ",Caller\n"), CLIENT));
        assertEquals(List.of("OWNER_ONLY"), byAnAdmin.errors().stream().map(ImportError::code).toList(), byAnAdmin.toString());
        assertEquals(1, activeOwners());
    }

    @Test
    void anInvitationIsOnlyForSomeoneWhoNeverSignedIn() throws Exception {
        String email = "invited.later@it.test";
        long id = admin.call(() -> people.add(new NewPerson(email, "Invited Later", List.of("user"), List.of(),
                null, false), LINK_BASE, CLIENT)).person().id();
        admin.run(() -> people.resendInvitation(id, LINK_BASE, CLIENT));
        signIn.checkPassword(AdminDeployment.USER_EMAIL, AdminDeployment.PASSWORD, "192.0.2.14");
        assertReason(Reason.ALREADY_SIGNED_IN, refusal(admin, () -> people.resendInvitation(id(AdminDeployment.USER_EMAIL),
                LINK_BASE, CLIENT)));
        assertReason(Reason.OWNER_ONLY, refusal(admin, () -> links.sendInvitation(id(AdminDeployment.OWNER_EMAIL),
                LINK_BASE, CLIENT)));
    }

    /** Every filter and sort of the people table, as this database runs the queries. */
    @Test
    void theDirectoryFiltersSortsAndPages() throws Exception {
        ImportResult imported = admin.call(() -> importer.importPeople(ImportReader.Format.CSV, new StringReader(String.join("\n",
                "email,name,roles,groups,password,totp_secret",
                "dir.one@it.test,Zed One,user,directory-team,a long password 1," + TOTP_SECRET,
                "dir.two@it.test,Amy Two,user;admin,directory-team,a long password 2,",
                "dir.three@it.test,Mia Three,user,,a long password 3,", "")), CLIENT));
        assertEquals(List.of(), imported.errors());
        owner.run(() -> people.change(id("dir.three@it.test"), new PersonChanges(null, null, null, false), CLIENT));
        for (int i = 0; i < 10; i++) {
            signIn.checkPassword("dir.two@it.test", "not the password " + i, "192.0.2.15");
        }
        Map<PeopleQuery, List<String>> expected = Map.of(
                filter("dir.", null, null, null, null, null, null), List.of("dir.one@it.test", "dir.three@it.test", "dir.two@it.test"),
                filter("dir.", "admin", null, null, null, null, null), List.of("dir.two@it.test"),
                filter(null, null, "Directory-Team", null, null, null, null), List.of("dir.one@it.test", "dir.two@it.test"),
                filter("dir.", null, null, true, null, null, null), List.of("dir.one@it.test"),
                filter("dir.", null, "directory-team", false, null, null, null), List.of("dir.two@it.test"),
                filter("dir.", null, null, null, "totp", null, null), List.of("dir.one@it.test"),
                filter("dir.", null, null, null, null, true, null), List.of("dir.two@it.test"),
                filter("dir.", null, null, null, null, false, false), List.of("dir.three@it.test"));
        for (Map.Entry<PeopleQuery, List<String>> check : expected.entrySet()) {
            PersonPage page = admin.call(() -> directory.find(check.getKey()));
            assertEquals(check.getValue(), page.items().stream().map(Person::email).toList(), check.getKey().toString());
            assertEquals(check.getValue().size(), page.total());
            assertEquals(page.total(), admin.call(() -> directory.count(check.getKey())));
        }
        PeopleQuery byName = new PeopleQuery("dir.", null, null, null, null, null, null, null, PeopleQuery.Sort.NAME, true, 0, 2);
        assertEquals(List.of("dir.one@it.test", "dir.three@it.test"),
                admin.call(() -> directory.find(byName)).items().stream().map(Person::email).toList());
        PeopleQuery secondPage = new PeopleQuery("dir.", null, null, null, null, null, null, null, PeopleQuery.Sort.NAME, true, 1, 2);
        assertEquals(List.of("dir.two@it.test"), admin.call(() -> directory.find(secondPage)).items().stream().map(Person::email).toList());
        Person one = admin.call(() -> directory.person(id("dir.one@it.test"))).orElseThrow();
        assertEquals("TOTP", one.method());
        assertEquals(List.of("directory-team"), one.groups());
    }

    private static PeopleQuery filter(String text, String role, String group, Boolean twoFactor, String method,
                                      Boolean locked, Boolean active) {
        return new PeopleQuery(text, role, group, twoFactor, method, locked, active, null, PeopleQuery.Sort.EMAIL, false, 0, 50);
    }

    @Test
    void theOwnerChangesThePolicyWhichIsKeptWithItsHistory() throws Exception {
        WorkspacePolicy seeded = policies.current();
        long versionsBefore = em.createQuery("SELECT COUNT(p) FROM PolicyRecord p", Long.class).getSingleResult();
        Instant testStart = Instant.now();
        assertFalse(seeded.requireTwoFactor(), "seeded from the environment");
        assertTrue(seeded.adminsRequireTwoFactor(), "admins need 2FA by default");
        WorkspacePolicy financeInAWeek = new WorkspacePolicy(true, 7, null, Set.of("TOTP", "EMAIL"), false, 30, true,
                Set.of("Finance"), Set.of());
        assertThrows(EJBAccessException.class, () -> admin.call(() -> policies.change(financeInAWeek, CLIENT)), "owners only");
        assertReason(Reason.OWNER_NEEDS_TWO_FACTOR, refusal(owner, () -> policies.change(financeInAWeek, CLIENT)));
        assertReason(Reason.INVALID_POLICY, refusal(owner, () -> policies.change(new WorkspacePolicy(false, 0, null,
                Set.of("CARRIER_PIGEON"), false, 30, true, Set.of(), Set.of()), CLIENT)));

        long ownerId = id(AdminDeployment.OWNER_EMAIL);
        tx.begin();
        em.persist(new SecondFactorCredential(ownerId, SecondFactorMethod.TOTP, LocalDateTime.now(), "v1:not-a-real-secret", null, 0));
        tx.commit();
        try {
            Instant before = Instant.now();
            WorkspacePolicy stored = owner.call(() -> policies.change(financeInAWeek, CLIENT));
            assertEquals(Set.of("finance"), stored.enforceGroups());
            assertFalse(stored.requiredSince().isBefore(before.minusSeconds(1)), "the grace period starts now");
            assertEquals(stored, policies.current());

            long accountant = admin.call(() -> people.add(new NewPerson("accountant@it.test", "Accountant", List.of("user"),
                    List.of("finance"), AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT)).person().id();
            TwoFactorRequirement covered = policies.requirementFor(accountant);
            assertEquals(TwoFactorRequirement.Level.REQUIRED_BY_DEADLINE, covered.level());
            assertTrue(covered.deadline().isAfter(Instant.now().plus(Duration.ofDays(6))), covered.toString());
            assertEquals(TwoFactorRequirement.Level.SUGGESTED,
                    policies.requirementFor(id(AdminDeployment.USER_EMAIL)).level(), "outside the enforced group");
            assertEquals(TwoFactorRequirement.Level.REQUIRED_NOW, policies.requirementFor(id(AdminDeployment.ADMIN_EMAIL)).level(),
                    "an admin without 2FA");

            WorkspacePolicy adjusted = owner.call(() -> policies.change(new WorkspacePolicy(true, 14, null,
                    Set.of("TOTP", "EMAIL"), false, 30, true, Set.of("finance"), Set.of()), CLIENT));
            assertEquals(stored.requiredSince(), adjusted.requiredSince(), "while it stays on, its start is kept");
            AuditPage changes = owner.call(() -> auditTrail.find(new AuditQuery(null, AdminDeployment.OWNER_EMAIL,
                    AuditEventType.POLICY_CHANGED.name(), testStart, null, 0, 10)));
            assertEquals(2, changes.total());
            assertEquals("graceDays 7 -> 14", changes.items().get(0).detail());
            assertTrue(changes.items().get(1).detail().contains("requireTwoFactor false -> true"), changes.items().get(1).detail());
        } finally {
            owner.run(() -> policies.change(seeded, CLIENT));
            tx.begin();
            em.createQuery("DELETE FROM SecondFactorCredential c WHERE c.userId = :id").setParameter("id", ownerId).executeUpdate();
            tx.commit();
        }
        assertEquals(versionsBefore + 3, em.createQuery("SELECT COUNT(p) FROM PolicyRecord p", Long.class).getSingleResult(),
                "every version kept");
    }

    @Test
    void rememberedDevicesLastUntilExpiryOrUntilTheirOwnersSessionsEnd() throws Exception {
        long person = admin.call(() -> people.add(new NewPerson("devices@it.test", "Devices", List.of("user"), List.of(),
                AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT)).person().id();
        DeviceToken laptop = devices.remember(person, "Firefox on Linux", CLIENT).orElseThrow();
        assertTrue(Duration.between(Instant.now(), laptop.expiresAt()).toDays() >= 29, "the policy's 30 days");
        assertTrue(devices.recognises(person, laptop.token(), CLIENT));
        assertFalse(devices.recognises(id(AdminDeployment.USER_EMAIL), laptop.token(), CLIENT), "another person's device");
        assertFalse(devices.recognises(person, laptop.token() + "x", CLIENT));
        assertEquals(0L, em.createQuery("SELECT COUNT(d) FROM RememberedDevice d WHERE d.tokenHash = :t", Long.class)
                .setParameter("t", laptop.token()).getSingleResult(), "only a keyed hash of the token is stored");
        List<DeviceEntry> listed = devices.list(person);
        assertEquals(List.of("Firefox on Linux"), listed.stream().map(DeviceEntry::description).toList());
        assertTrue(listed.get(0).lastUsedAt() != null, "its use is shown");

        DeviceToken phone = devices.remember(person, "Safari on iOS", CLIENT).orElseThrow();
        long phoneId = devices.list(person).get(0).id();
        devices.forget(id(AdminDeployment.USER_EMAIL), phoneId, CLIENT);
        assertTrue(devices.recognises(person, phone.token(), CLIENT), "another person cannot forget it");
        devices.forget(person, phoneId, CLIENT);
        assertFalse(devices.recognises(person, phone.token(), CLIENT), "forgotten");
        assertTrue(devices.recognises(person, laptop.token(), CLIENT), "the other one is kept");

        tx.begin();
        em.createQuery("UPDATE RememberedDevice d SET d.expiresAt = :past WHERE d.ownerId = :id")
                .setParameter("past", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)).setParameter("id", person).executeUpdate();
        tx.commit();
        assertFalse(devices.recognises(person, laptop.token(), CLIENT), "expired");
        assertEquals(List.of(), devices.list(person));

        DeviceToken again = devices.remember(person, "Firefox on Linux", CLIENT).orElseThrow();
        admin.run(() -> twoFactor.resetByAdministrator(person, CLIENT));
        assertFalse(devices.recognises(person, again.token(), CLIENT), "after an admin's reset the device is asked again");
        assertEquals(List.of(), devices.list(person));

        DeviceToken beforeSwitchOff = devices.remember(person, "Edge on Windows", CLIENT).orElseThrow();
        WorkspacePolicy seeded = policies.current();
        WorkspacePolicy off = new WorkspacePolicy(seeded.requireTwoFactor(), seeded.graceDays(), null,
                seeded.allowedMethods(), seeded.recoveryCodesViewable(), 0, seeded.adminsRequireTwoFactor(),
                seeded.enforceGroups(), seeded.excludeGroups());
        try {
            owner.run(() -> policies.change(off, CLIENT));
            assertEquals(0, em.createQuery("SELECT COUNT(d) FROM RememberedDevice d", Long.class).getSingleResult(),
                    "turned off: every device is forgotten");
            assertTrue(devices.remember(person, "Edge on Windows", CLIENT).isEmpty(), "and none is remembered");
        } finally {
            owner.run(() -> policies.change(seeded, CLIENT));
        }
        assertFalse(devices.recognises(person, beforeSwitchOff.token(), CLIENT), "turning it on again brings none back");
    }

    @Test
    void aTokenOpensNothingWhileItsOwnersTwoFactorIsDue() throws Exception {
        NewApiToken token = admin.call(() -> tokens.create("provisioning", 30, CLIENT));
        assertTrue(tokens.authenticate(token.secret()).isEmpty(), "admins need 2FA at once, and this one has none");
        long adminId = id(AdminDeployment.ADMIN_EMAIL);
        tx.begin();
        em.persist(new SecondFactorCredential(adminId, SecondFactorMethod.TOTP, LocalDateTime.now(), "v1:not-a-real-secret", null, 0));
        tx.commit();
        try {
            assertEquals(AdminDeployment.ADMIN_EMAIL, tokens.authenticate(token.secret()).orElseThrow().name(),
                    "with 2FA set up the same token works");
        } finally {
            tx.begin();
            em.createQuery("DELETE FROM SecondFactorCredential c WHERE c.userId = :id").setParameter("id", adminId).executeUpdate();
            tx.commit();
        }
    }

    @Test
    void aDirectoryPersonAskingForAResetIsToldWhereTheirPasswordIsInsteadOfGettingALink() throws Exception {
        String email = "from.directory@it.test";
        long id = admin.call(() -> people.add(new NewPerson(email, "From The Directory", List.of("user"), List.of(),
                AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT)).person().id();
        tx.begin();
        em.find(UserAccount.class, id).describedByDirectory("uid=from.directory,ou=people,dc=it,dc=test", LocalDateTime.now());
        tx.commit();
        links.sendPasswordReset(email, LINK_BASE, CLIENT);
        OutboxEntry mail = null;
        for (int i = 0; i < 50 && mail == null; i++) {
            mail = outbox.newestFirst(20).stream().filter(entry -> entry.to().equals(email)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertTrue(mail != null, "an email is sent (asynchronously)");
        assertTrue(mail.text().contains("kept in your company directory"), mail.text());
        assertFalse(mail.text().contains(LINK_BASE), "and no link that would set a password here");
        assertTrue(admin.call(() -> directory.person(id)).orElseThrow().fromDirectory());
    }

    @Test
    void unlockOpensALockedPasswordStep() throws Exception {
        String email = "locked.out@it.test";
        long id = admin.call(() -> people.add(new NewPerson(email, "Locked Out", List.of("user"), List.of(),
                AdminDeployment.PASSWORD, false), LINK_BASE, CLIENT)).person().id();
        for (int i = 0; i < 10; i++) {
            signIn.checkPassword(email, "not the password " + i, "192.0.2.13");
        }
        assertEquals(Outcome.LOCKED, signIn.checkPassword(email, AdminDeployment.PASSWORD, "192.0.2.13").outcome());
        assertTrue(admin.call(() -> directory.person(id)).orElseThrow().locked());

        admin.run(() -> people.unlock(id, CLIENT));

        assertFalse(admin.call(() -> directory.person(id)).orElseThrow().locked());
        assertEquals(Outcome.PASSWORD_ACCEPTED, signIn.checkPassword(email, AdminDeployment.PASSWORD, "192.0.2.13").outcome());
    }

    private static Throwable refusal(Caller caller, Caller.Work call) {
        Throwable refused = refusalOrNull(caller, call);
        assertTrue(refused != null, "the call was refused");
        return refused;
    }

    private static Throwable refusalOrNull(Caller caller, Caller.Work call) {
        try {
            caller.run(call);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void assertReason(Reason expected, Throwable refused) {
        AdminActionRefusedException refusal = assertInstanceOf(AdminActionRefusedException.class, refused);
        assertEquals(expected, refusal.reason());
    }

    private UserAccount account(String email) {
        em.clear();
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", email)
                .getResultStream().findFirst().orElse(null);
    }

    private long id(String email) {
        return account(email).getId();
    }

    private long activeOwners() {
        em.clear();
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE r = :owner AND u.enabled = TRUE",
                Long.class).setParameter("owner", Role.OWNER).getSingleResult();
    }

    private long count(Class<?> entity, long userId) {
        em.clear();
        return em.createQuery("SELECT COUNT(e) FROM " + entity.getSimpleName() + " e WHERE e.userId = :id", Long.class)
                .setParameter("id", userId).getSingleResult();
    }
}
