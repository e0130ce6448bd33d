package dev.workspace.mfa.core.password;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Argon2idPasswordHasherTest {

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    /** Made by another implementation (hash-wasm 4, argon2id, m=7168, t=5, p=1, salt "0123456789abcdef"). */
    private static final String FOREIGN_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY";
    private static final String FOREIGN_UNICODE_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$MDEyMzQ1Njc4OWFiY2RlZg$m8lGbdp+lebgiORY2y6gtLamKCatyaVbRVUYxwxP5k0";

    @Test
    void verifiesHashesOfAnotherImplementation() {
        assertTrue(hasher.verify("correct horse battery staple", FOREIGN_HASH));
        assertFalse(hasher.verify("correct horse battery stapler", FOREIGN_HASH));
        assertTrue(hasher.verify("pässwörd ✓ 12", FOREIGN_UNICODE_HASH), "passwords are hashed as UTF-8");
    }

    @Test
    void reusedMemoryBlocksGiveTheSameAnswersUnderConcurrency() throws Exception {
        Argon2idPasswordHasher twoSlots = new Argon2idPasswordHasher(Argon2Parameters.CURRENT, 2);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean right = i % 3 != 0;
                answers.add(threads.submit(() -> twoSlots.verify(right ? "correct horse battery staple" : "wrong horse", FOREIGN_HASH) == right));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(), "each hash has blocks of its own while it runs");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void newHashesUseDesignParametersInPhcFormat() {
        String hash = hasher.hash("a long enough password");
        assertTrue(hash.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), hash);
        String[] parts = hash.split("\\$");
        assertEquals(16, Base64.getDecoder().decode(parts[4]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[5]).length, "hash bytes");
        assertFalse(parts[4].endsWith("=") || parts[5].endsWith("="), "PHC uses unpadded Base64");
        assertTrue(hasher.verify("a long enough password", hash));
        assertFalse(hasher.verify("a long enough passwore", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same password here"), hasher.hash("same password here"));
    }

    @Test
    void rehashIsNeededForOtherParametersOrUnreadableHashes() {
        assertFalse(hasher.needsRehash(FOREIGN_HASH));
        Argon2idPasswordHasher weaker = new Argon2idPasswordHasher(new Argon2Parameters(1024, 2, 1, 16, 32), 1);
        String old = weaker.hash("a long enough password");
        assertTrue(hasher.needsRehash(old));
        assertTrue(hasher.verify("a long enough password", old), "old hashes still verify until rehashed");
        assertTrue(hasher.needsRehash("$2a$10$notargon"));
        assertTrue(hasher.needsRehash(null));
    }

    @Test
    void malformedHashesNeverVerify() {
        assertFalse(hasher.verify("x", ""));
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=7168,t=5,p=1$!!!$???"));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=7168,t=5,p=1$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"));
    }

    /** From the crypt_blowfish test vectors (Openwall); $2a$, $2b$ and $2y$ agree for ASCII passwords. */
    private static final String BCRYPT_U_U = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    @Test
    void verifiesImportedBcryptHashesOfEachVersion() {
        for (String version : new String[]{"$2a$", "$2b$", "$2y$"}) {
            String hash = version + BCRYPT_U_U.substring(4);
            assertTrue(hasher.isImportable(hash), hash);
            assertTrue(hasher.verify("U*U", hash), hash);
            assertFalse(hasher.verify("U*U*", hash), hash);
            assertTrue(hasher.needsRehash(hash), "bcrypt is replaced by Argon2id at the first sign-in");
        }
    }

    @Test
    void bcryptLooksAtTheFirst72BytesOnly() {
        String seventyTwo = "é".repeat(36);
        String hash = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2b",
                seventyTwo.getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[16], 4);
        assertTrue(hasher.verify(seventyTwo + "anything after", hash));
        assertFalse(hasher.verify("é".repeat(35) + "e", hash));
    }

    @Test
    void importableHashesAreArgon2idWithinCostCapsOrBcryptUpToCost14() {
        assertTrue(hasher.isImportable(FOREIGN_HASH));
        assertFalse(hasher.isImportable("$argon2id$v=19$m=1048576,t=5,p=1$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"),
                "1 GiB of memory per sign-in is refused");
        assertTrue(hasher.isImportable("$argon2id$v=19$m=65536,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"),
                "RFC 9106's second recommended option");
        assertFalse(hasher.isImportable("$argon2id$v=19$m=131072,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"),
                "128 MiB per wrong password is refused");
        assertFalse(hasher.isImportable("$argon2id$v=19$m=7168,t=5,p=1$" + "MDEy".repeat(40) + "$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"),
                "longer than the column");
        assertFalse(hasher.isImportable("$argon2i$v=19$m=7168,t=5,p=1$MDEyMzQ1Njc4OWFiY2RlZg$iFYFbd6+YgSpBS95zKSeCiqMI6RfgwXfibpMk5AbxQY"));
        assertFalse(hasher.isImportable("$2b$15$" + BCRYPT_U_U.substring(7)), "cost 15 would stall sign-in");
        assertFalse(hasher.isImportable("$2x$05$" + BCRYPT_U_U.substring(7)));
        assertFalse(hasher.isImportable("$2b$05$short"));
        assertFalse(hasher.isImportable("{SSHA}abcdef"));
        assertFalse(hasher.isImportable(null));
    }
}
