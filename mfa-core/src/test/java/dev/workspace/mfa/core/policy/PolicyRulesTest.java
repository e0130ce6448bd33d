package dev.workspace.mfa.core.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static dev.workspace.mfa.core.policy.TwoFactorRequirement.Level.KEPT_BY_RULE;
import static dev.workspace.mfa.core.policy.TwoFactorRequirement.Level.NOT_REQUIRED;
import static dev.workspace.mfa.core.policy.TwoFactorRequirement.Level.REQUIRED_BY_DEADLINE;
import static dev.workspace.mfa.core.policy.TwoFactorRequirement.Level.REQUIRED_NOW;
import static dev.workspace.mfa.core.policy.TwoFactorRequirement.Level.SUGGESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant SWITCHED_ON = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

    private static WorkspacePolicy policy(boolean required, int graceDays, Set<String> enforce, Set<String> exclude,
                                          boolean adminsRequire) {
        return new WorkspacePolicy(required, graceDays, required ? SWITCHED_ON : null, Set.of("TOTP", "EMAIL", "SMS"),
                false, 30, adminsRequire, enforce, exclude);
    }

    private static PersonFacts user(Set<String> groups, boolean hasTwoFactor) {
        return new PersonFacts(Set.of("user"), groups, LONG_AGO, hasTwoFactor ? "TOTP" : null, false);
    }

    @Test
    void withoutARuleTwoFactorIsSuggestedUntilDeclinedOrSetUp() {
        WorkspacePolicy off = policy(false, 0, Set.of(), Set.of(), false);
        assertEquals(SUGGESTED, PolicyRules.requirementFor(off, user(Set.of(), false), SWITCHED_ON, UTC).level());
        assertEquals(NOT_REQUIRED, PolicyRules.requirementFor(off, user(Set.of(), true), SWITCHED_ON, UTC).level());
        PersonFacts declined = new PersonFacts(Set.of("user"), Set.of(), LONG_AGO, null, true);
        assertEquals(NOT_REQUIRED, PolicyRules.requirementFor(off, declined, SWITCHED_ON, UTC).level());
    }

    @Test
    void graceZeroRequiresItAtTheNextSignIn() {
        TwoFactorRequirement requirement = PolicyRules.requirementFor(policy(true, 0, Set.of(), Set.of(), false),
                user(Set.of(), false), SWITCHED_ON.plusSeconds(1), UTC);
        assertEquals(REQUIRED_NOW, requirement.level());
        assertEquals(SWITCHED_ON, requirement.deadline());
    }

    @Test
    void aGracePeriodAllowsSkippingUntilItsDeadline() {
        WorkspacePolicy sevenDays = policy(true, 7, Set.of(), Set.of(), false);
        Instant deadline = Instant.parse("2026-12-14T09:00:00Z");
        TwoFactorRequirement during = PolicyRules.requirementFor(sevenDays, user(Set.of(), false), deadline.minusSeconds(1), UTC);
        assertEquals(REQUIRED_BY_DEADLINE, during.level());
        assertEquals(deadline, during.deadline());
        assertEquals(REQUIRED_NOW, PolicyRules.requirementFor(sevenDays, user(Set.of(), false), deadline, UTC).level());
        assertTrue(during.required(), "2FA may not be turned off during the grace period either");
    }

    @Test
    void someoneWhoJoinsLaterGetsTheWholeGracePeriod() {
        Instant joined = Instant.parse("2027-02-01T12:00:00Z");
        PersonFacts newcomer = new PersonFacts(Set.of("user"), Set.of(), joined, null, false);
        assertEquals(Instant.parse("2027-02-08T12:00:00Z"),
                PolicyRules.requirementFor(policy(true, 7, Set.of(), Set.of(), false), newcomer, joined, UTC).deadline());
    }

    @Test
    void graceDaysAreCalendarDaysInTheWorkspaceTimeZoneAcrossSummerTime() {
        // Berlin moves its clocks forward on 29 March 2026: that day has 23 hours.
        Instant switchedOn = ZonedDateTime.of(2026, 3, 28, 10, 0, 0, 0, BERLIN).toInstant();
        WorkspacePolicy oneDay = new WorkspacePolicy(true, 1, switchedOn, Set.of("TOTP"), false, 30, false, Set.of(), Set.of());
        Instant deadline = PolicyRules.requirementFor(oneDay, user(Set.of(), false), switchedOn, BERLIN).deadline();
        assertEquals(ZonedDateTime.of(2026, 3, 29, 10, 0, 0, 0, BERLIN).toInstant(), deadline, "10:00 local the next day");
        assertEquals(Duration.ofHours(23), Duration.between(switchedOn, deadline));
        assertEquals(Duration.ofHours(24), Duration.between(switchedOn,
                PolicyRules.requirementFor(oneDay, user(Set.of(), false), switchedOn, UTC).deadline()), "a UTC day has 24");
        // And back in autumn (25 October 2026): 25 hours.
        Instant autumn = ZonedDateTime.of(2026, 10, 24, 10, 0, 0, 0, BERLIN).toInstant();
        WorkspacePolicy autumnRule = new WorkspacePolicy(true, 1, autumn, Set.of("TOTP"), false, 30, false, Set.of(), Set.of());
        assertEquals(Duration.ofHours(25), Duration.between(autumn,
                PolicyRules.requirementFor(autumnRule, user(Set.of(), false), autumn, BERLIN).deadline()));
    }

    @Test
    void enforcedGroupsAreTheOnlyOnesCovered() {
        WorkspacePolicy finance = policy(true, 0, Set.of("finance"), Set.of(), false);
        Instant now = SWITCHED_ON.plusSeconds(60);
        assertEquals(REQUIRED_NOW, PolicyRules.requirementFor(finance, user(Set.of("finance", "sales"), false), now, UTC).level());
        assertEquals(SUGGESTED, PolicyRules.requirementFor(finance, user(Set.of("sales"), false), now, UTC).level());
        assertEquals(SUGGESTED, PolicyRules.requirementFor(finance, user(Set.of(), false), now, UTC).level());
    }

    @Test
    void excludedGroupsAreNotAskedUnlessAnEnforcedGroupCoversThem() {
        Instant now = SWITCHED_ON.plusSeconds(60);
        WorkspacePolicy exceptKiosks = policy(true, 0, Set.of(), Set.of("kiosks"), false);
        assertEquals(SUGGESTED, PolicyRules.requirementFor(exceptKiosks, user(Set.of("kiosks"), false), now, UTC).level());
        assertEquals(REQUIRED_NOW, PolicyRules.requirementFor(exceptKiosks, user(Set.of("sales"), false), now, UTC).level());
        WorkspacePolicy both = policy(true, 0, Set.of("finance"), Set.of("kiosks"), false);
        assertEquals(REQUIRED_NOW, PolicyRules.requirementFor(both, user(Set.of("finance", "kiosks"), false), now, UTC).level(),
                "the stricter rule wins");
    }

    @Test
    void adminsNeedItAtOnceAndTheStrictestDeadlineWins() {
        PersonFacts admin = new PersonFacts(Set.of("admin", "user"), Set.of(), LONG_AGO, null, true);
        Instant now = SWITCHED_ON.plusSeconds(60);
        TwoFactorRequirement withGrace = PolicyRules.requirementFor(policy(true, 30, Set.of(), Set.of(), true), admin, now, UTC);
        assertEquals(REQUIRED_NOW, withGrace.level(), "the admin rule (grace 0) beats the workspace's 30 days");
        assertEquals(LONG_AGO, withGrace.deadline());
        assertEquals(REQUIRED_NOW, PolicyRules.requirementFor(policy(false, 0, Set.of(), Set.of(), true), admin, now, UTC).level(),
                "and applies when the workspace requires nothing; declining the suggestion does not matter");
        TwoFactorRequirement switchedOff = PolicyRules.requirementFor(policy(false, 0, Set.of(), Set.of(), false), admin, now, UTC);
        assertEquals(NOT_REQUIRED, switchedOff.level(), "the owner may turn the admin rule off");
        assertNull(switchedOff.deadline());
        PersonFacts enrolledAdmin = new PersonFacts(Set.of("owner", "user"), Set.of(), LONG_AGO, "SMS", false);
        TwoFactorRequirement enrolled = PolicyRules.requirementFor(policy(false, 0, Set.of(), Set.of(), true), enrolledAdmin, now, UTC);
        assertEquals(KEPT_BY_RULE, enrolled.level(), "set up: nothing to do, but it may not be turned off");
        assertTrue(enrolled.required());
        assertFalse(enrolled.setUpRequired());
        assertFalse(enrolled.methodDisallowed());
        WorkspacePolicy noSms = new WorkspacePolicy(false, 0, null, Set.of("TOTP", "EMAIL"), false, 30, true, Set.of(), Set.of());
        assertTrue(PolicyRules.requirementFor(noSms, enrolledAdmin, now, UTC).methodDisallowed(),
                "an SMS method the policy no longer allows is to be replaced");
    }

    @Test
    void anOwnerWithout2faCannotSwitchARequirementOn() {
        WorkspacePolicy off = policy(false, 0, Set.of(), Set.of(), false);
        WorkspacePolicy on = policy(true, 7, Set.of(), Set.of(), false);
        WorkspacePolicy adminsOnly = policy(false, 0, Set.of(), Set.of(), true);
        assertFalse(PolicyRules.ownerMayChange(off, on, false));
        assertFalse(PolicyRules.ownerMayChange(off, adminsOnly, false));
        assertTrue(PolicyRules.ownerMayChange(off, on, true));
        assertTrue(PolicyRules.ownerMayChange(on, off, false), "switching off is always allowed");
        assertTrue(PolicyRules.ownerMayChange(on, policy(true, 14, Set.of(), Set.of(), false), false),
                "a requirement already on may be adjusted");
    }

    @Test
    void aPolicyOutsideItsBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy(true, -1, Set.of(), Set.of(), true));
        assertThrows(IllegalArgumentException.class, () -> policy(true, 366, Set.of(), Set.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new WorkspacePolicy(false, 0, null, Set.of(), false, 366, true,
                Set.of(), Set.of()));
    }
}
