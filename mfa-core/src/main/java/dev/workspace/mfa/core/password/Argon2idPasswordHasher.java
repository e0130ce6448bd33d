package dev.workspace.mfa.core.password;

import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Argon2id (BouncyCastle). Each hash takes about 7 MiB and tens of milliseconds of one core, so at most one hash
 * per core runs at a time: a burst of sign-ins queues here instead of exhausting memory and CPU.
 */
@ApplicationScoped
public class Argon2idPasswordHasher implements PasswordHasher {

    private final Argon2Parameters current;
    private final Semaphore hashingSlots;
    private final SecureRandom random = new SecureRandom();
    private volatile String decoyHash;

    public Argon2idPasswordHasher() {
        this(Argon2Parameters.CURRENT, Runtime.getRuntime().availableProcessors());
    }

    public Argon2idPasswordHasher(Argon2Parameters current, int concurrentHashes) {
        this.current = current;
        this.hashingSlots = new Semaphore(Math.max(1, concurrentHashes), true);
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[current.saltLength()];
        random.nextBytes(salt);
        return new PhcString(current, salt, derive(password, salt, current)).encode();
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        Optional<PhcString> phc = PhcString.parse(encodedHash);
        if (phc.isEmpty()) {
            return false;
        }
        byte[] actual = derive(password, phc.get().salt(), phc.get().parameters());
        return MessageDigest.isEqual(actual, phc.get().hash());
    }

    @Override
    public void verifyDecoy(String password) {
        verify(password, decoyHash());
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hash(new BigInteger(128, random).toString(36));
            decoyHash = decoy;
        }
        return decoy;
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return PhcString.parse(encodedHash).map(phc -> !phc.parameters().equals(current)).orElse(true);
    }

    private byte[] derive(String password, byte[] salt, Argon2Parameters p) {
        org.bouncycastle.crypto.params.Argon2Parameters params =
                new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                        .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(p.memoryKiB())
                        .withIterations(p.iterations())
                        .withParallelism(p.parallelism())
                        .withSalt(salt)
                        .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[p.hashLength()];
        hashingSlots.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            hashingSlots.release();
        }
        return out;
    }
}
