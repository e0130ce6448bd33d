package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.setup.ReadinessService;
import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.core.password.Argon2Parameters;
import dev.workspace.mfa.core.password.Argon2idPasswordHasher;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeService;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.stepup.StepUpService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.workspace.mfa.core.signin.SignInResult.Outcome.INVALID_CREDENTIALS;
import static dev.workspace.mfa.core.signin.SignInResult.Outcome.LOCKED;
import static dev.workspace.mfa.core.signin.SignInResult.Outcome.PASSWORD_ACCEPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts, Flyway schema, password sign-in and its throttling, in Payara Micro against a real database.
 * Each database gets a subclass with its own deployment, which also mixes in {@link TwoFactorChecks} and
 * {@link MethodChecks}.
 */
abstract class AccountPersistenceChecks {

    private static final String PASSWORD = "a perfectly fine passphrase";

    @Inject
    ReadinessService readiness;
    @Inject
    ClusterTasks clusterTasks;
    @Inject
    AccountService accounts;
    @Inject
    PasswordSignInService signIn;
    @Inject
    PasswordHasher hasher;
    @PersistenceContext(unitName = "mfa")
    EntityManager em;
    @Resource
    UserTransaction tx;
    @Inject
    TwoFactorService twoFactor;
    @Inject
    Clock clock;
    @Inject
    ServerKeys keys;
    @Inject
    RecoveryCodeConsumeProbe consumeProbe;
    @Inject
    StepUpService stepUp;
    @Inject
    RecoveryCodeService recoveryCodes;
    @Inject
    RecordingDelivery delivery;

    public AccountService accounts() {
        return accounts;
    }

    public TwoFactorService twoFactor() {
        return twoFactor;
    }

    public Clock clock() {
        return clock;
    }

    public PasswordSignInService signIn() {
        return signIn;
    }

    public EntityManager em() {
        return em;
    }

    public UserTransaction tx() {
        return tx;
    }

    public ServerKeys keys() {
        return keys;
    }

    public RecoveryCodeConsumeProbe consumeProbe() {
        return consumeProbe;
    }

    public StepUpService stepUp() {
        return stepUp;
    }

    public RecoveryCodeService recoveryCodes() {
        return recoveryCodes;
    }

    public RecordingDelivery delivery() {
        return delivery;
    }

    private static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    }

    @Test
    void migratedDatabaseWithBootstrapAdministratorIsReady() {
        assertTrue(readiness.isReady());
        AccountSummary admin = accounts.findByEmail(CoreDeployment.ADMIN_EMAIL).orElseThrow();
        assertEquals(EnumSet.of(Role.USER, Role.ADMIN, Role.OWNER), admin.roles());
        assertTrue(accounts.anyAccountWithRole(Role.ADMIN));
        assertEquals(PASSWORD_ACCEPTED,
                signIn.checkPassword(CoreDeployment.ADMIN_EMAIL, CoreDeployment.ADMIN_PASSWORD, "127.0.0.1").outcome());
    }

    @Test
    void emailsAreUniqueWithoutRegardToCase() {
        String email = uniqueEmail("Ann");
        AccountSummary ann = accounts.createAccount(email, "Ann Lee", PASSWORD, Set.of(), null);
        assertEquals(email.toLowerCase(), ann.email());
        assertEquals(EnumSet.of(Role.USER), ann.roles());
        assertEquals(ann.id(), accounts.findByEmail(email.toUpperCase()).orElseThrow().id());
        AccountRejectedException duplicate = assertThrows(AccountRejectedException.class,
                () -> accounts.createAccount(email.toUpperCase(), "Another Ann", PASSWORD, Set.of(), null));
        assertEquals(AccountRejectedException.Reason.EMAIL_TAKEN, duplicate.reason());
    }

    @Test
    void newAccountsFollowThePasswordAndEmailRules() {
        assertEquals(AccountRejectedException.Reason.PASSWORD_TOO_SHORT, assertThrows(AccountRejectedException.class,
                () -> accounts.createAccount(uniqueEmail("bo"), "Bo", "too short", Set.of(), null)).reason());
        assertEquals(AccountRejectedException.Reason.PASSWORD_SAME_AS_EMAIL, assertThrows(AccountRejectedException.class,
                () -> accounts.createAccount("carla.longname@example.org", "Carla", "Carla.Longname", Set.of(), null)).reason());
        assertEquals(AccountRejectedException.Reason.INVALID_EMAIL, assertThrows(AccountRejectedException.class,
                () -> accounts.createAccount("not an email", "Dee", PASSWORD, Set.of(), null)).reason());
        assertTrue(accounts.findByEmail("carla.longname@example.org").isEmpty(), "a refused account leaves nothing behind");
    }

    @Test
    void passwordSignInNeverSaysWhichPartWasWrong() {
        String email = uniqueEmail("eve");
        accounts.createAccount(email, "Eve", PASSWORD, Set.of(), null);
        SignInResult ok = signIn.checkPassword(email.toUpperCase(), PASSWORD, "10.0.0.1");
        assertEquals(PASSWORD_ACCEPTED, ok.outcome());
        assertNotNull(accounts.findById(ok.account().id()).orElseThrow().lastSignInAt());
        assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(email, PASSWORD + "x", "10.0.0.1").outcome());
        assertEquals(INVALID_CREDENTIALS, signIn.checkPassword("nobody@example.org", PASSWORD, "10.0.0.1").outcome());
        assertEquals(INVALID_CREDENTIALS, signIn.checkPassword("not an email", PASSWORD, "10.0.0.1").outcome());
        assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(email, "x".repeat(100_000), "10.0.0.1").outcome());
        assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(null, null, null).outcome());
    }

    @Test
    void tenConsecutiveFailuresLockThePasswordStepForFifteenMinutes() {
        String email = uniqueEmail("finn");
        long id = accounts.createAccount(email, "Finn", PASSWORD, Set.of(), null).id();
        for (int i = 1; i <= 9; i++) {
            assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(email, "wrong " + i, "10.0.0.2").outcome(), "failure " + i);
        }
        assertEquals(PASSWORD_ACCEPTED, signIn.checkPassword(email, PASSWORD, "10.0.0.2").outcome(), "success resets the count");
        for (int i = 1; i <= 9; i++) {
            signIn.checkPassword(email, "wrong again " + i, "10.0.0.2");
        }
        SignInResult tenth = signIn.checkPassword(email, "wrong once more", "10.0.0.2");
        assertEquals(LOCKED, tenth.outcome());
        LocalDateTime expected = LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(15);
        assertTrue(Math.abs(java.time.Duration.between(expected, tenth.lockedUntil()).getSeconds()) < 60, tenth.lockedUntil().toString());
        assertEquals(LOCKED, signIn.checkPassword(email, PASSWORD, "10.0.0.2").outcome(), "the right password waits too");
        assertEquals(1, countEvents(id, AuditEventType.PASSWORD_LOCKOUT));
    }

    @Test
    void unknownEmailsLockExactlyLikeKnownOnes() {
        String known = uniqueEmail("kim");
        accounts.createAccount(known, "Kim", PASSWORD, Set.of(), null);
        String unknown = uniqueEmail("nobody");
        for (String email : List.of(known, unknown)) {
            for (int i = 1; i <= 9; i++) {
                assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(email, "wrong " + i, "10.0.0.5").outcome(), email + " " + i);
            }
            SignInResult tenth = signIn.checkPassword(email.toUpperCase(), "wrong 10", "10.0.0.5");
            assertEquals(LOCKED, tenth.outcome(), email);
            assertNotNull(tenth.lockedUntil());
            assertEquals(LOCKED, signIn.checkPassword(email, PASSWORD, "10.0.0.5").outcome(), email);
        }
    }

    @Test
    void oneClientAddressCannotGuessAcrossManyAccounts() {
        String victim = uniqueEmail("lea");
        accounts.createAccount(victim, "Lea", PASSWORD, Set.of(), null);
        String attacker = "198.51.100." + (int) (Math.random() * 250);
        try {
            for (int i = 1; i <= 100; i++) {
                assertEquals(INVALID_CREDENTIALS, signIn.checkPassword(uniqueEmail("guess" + i), PASSWORD, attacker).outcome(), "guess " + i);
            }
            SignInResult blocked = signIn.checkPassword(victim, PASSWORD, attacker);
            assertEquals(SignInResult.Outcome.ADDRESS_BLOCKED, blocked.outcome(), "the 101st try in 15 minutes is not even checked");
            assertNotNull(blocked.lockedUntil());
            assertEquals(PASSWORD_ACCEPTED, signIn.checkPassword(victim, PASSWORD, "10.0.0.6").outcome(),
                    "the victim signs in from elsewhere: the address block locked no account");
            MovableClock.advance(java.time.Duration.ofMinutes(15));
            assertEquals(PASSWORD_ACCEPTED, signIn.checkPassword(victim, PASSWORD, attacker).outcome(), "the window is over");
        } finally {
            MovableClock.reset();
        }
    }

    @Test
    void parallelGuessesAreCountedOneByOne() throws Exception {
        String email = uniqueEmail("gus");
        long id = accounts.createAccount(email, "Gus", PASSWORD, Set.of(), null).id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SignInResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String guess = "parallel guess " + i;
                results.add(pool.submit(() -> signIn.checkPassword(email, guess, "10.0.0.3")));
            }
            int locked = 0;
            for (Future<SignInResult> result : results) {
                locked += result.get().outcome() == LOCKED ? 1 : 0;
            }
            assertTrue(locked >= 6, "16 guesses with a limit of 10: at least 6 answered locked, got " + locked);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, countEvents(id, AuditEventType.PASSWORD_LOCKOUT), "exactly one lock");
        assertEquals(10, em.createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class).setParameter("subjectId", id)
                .getResultList().stream().filter(e -> "wrong password".equals(e.getDetail())).count(),
                "exactly ten guesses were checked and counted; the rest met the lock");
    }

    @Test
    void aScheduledJobRunsOnceWhenEveryNodeAsksAtOnce() throws Exception {
        // A task of its own: the real jobs' timers may claim theirs while the test runs.
        String task = "it-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        em.joinTransaction();
        em.createNativeQuery("INSERT INTO cluster_task (name, last_started_at) VALUES (?, TIMESTAMP '1970-01-01 00:00:00')")
                .setParameter(1, task).executeUpdate();
        tx.commit();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                claims.add(pool.submit(() -> clusterTasks.claimRun(task, java.time.Duration.ofHours(1))));
            }
            int granted = 0;
            for (Future<Boolean> claim : claims) {
                granted += claim.get() ? 1 : 0;
            }
            assertEquals(1, granted, "four nodes' timers fired together: one runs the job");
            assertFalse(clusterTasks.claimRun(task, java.time.Duration.ofHours(1)), "a late timer, same hour");
            MovableClock.advance(java.time.Duration.ofMinutes(31));
            assertTrue(clusterTasks.claimRun(task, java.time.Duration.ofHours(1)), "the next hour's run");
        } finally {
            MovableClock.reset();
            pool.shutdownNow();
        }
        assertThrows(jakarta.ejb.EJBException.class, () -> clusterTasks.claimRun("no-such-task", java.time.Duration.ofHours(1)),
                "a task without its row is a mistake, not a silent skip");
    }

    @Test
    void aHashWithOldParametersIsReplacedAtSignIn() throws Exception {
        String email = uniqueEmail("hal");
        long id = accounts.createAccount(email, "Hal", PASSWORD, Set.of(), null).id();
        String weak = new Argon2idPasswordHasher(new Argon2Parameters(1024, 1, 1, 16, 32), 1).hash(PASSWORD);
        tx.begin();
        em.find(UserAccount.class, id).setPasswordHash(weak);
        tx.commit();
        assertEquals(PASSWORD_ACCEPTED, signIn.checkPassword(email, PASSWORD, "10.0.0.4").outcome());
        String stored = em.find(UserAccount.class, id).getPasswordHash();
        assertFalse(hasher.needsRehash(stored), stored);
        assertTrue(hasher.verify(PASSWORD, stored));
    }

    @Test
    void signInsAreAudited() {
        String email = uniqueEmail("ida");
        long id = accounts.createAccount(email, "Ida", PASSWORD, Set.of(), null).id();
        signIn.checkPassword(email, "wrong password!", "192.0.2.7");
        signIn.checkPassword(email, PASSWORD, "192.0.2.7");
        List<AuditEvent> events = em.createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class)
                .setParameter("subjectId", id).getResultList();
        assertEquals(List.of(AuditEventType.SIGN_IN_SUCCEEDED, AuditEventType.SIGN_IN_FAILED, AuditEventType.ACCOUNT_CREATED),
                events.stream().map(AuditEvent::getType).toList());
        assertEquals("192.0.2.7", events.get(0).getClientAddress());
    }

    private long countEvents(long subjectId, AuditEventType type) {
        return em.createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class).setParameter("subjectId", subjectId)
                .getResultList().stream().filter(e -> e.getType() == type).count();
    }
}
