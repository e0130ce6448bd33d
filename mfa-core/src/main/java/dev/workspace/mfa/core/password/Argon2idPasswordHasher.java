package dev.workspace.mfa.core.password;

import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Argon2id (BouncyCastle); bcrypt hashes imported from other systems are verified too, and replaced at the first
 * sign-in like any hash with other parameters. Each hash takes about 7 MiB and tens of milliseconds of one core, so at most one hash
 * per core runs at a time: a burst of sign-ins queues here, first come first served, instead of exhausting memory and CPU.
 * The hashes' memory blocks are reused from one pool (cleared by BouncyCastle before they go back), so that sign-ins
 * do not allocate 7 MiB each: that churn pushed short-lived blocks into the old generation of a small heap.
 */
@ApplicationScoped
public class Argon2idPasswordHasher implements PasswordHasher {

    /**
     * bcrypt as Modular Crypt Format: version, cost, 22 characters of salt and 31 of hash. Costs above 14 (about a
     * second each on a server core) are not accepted, so that no imported hash can stall sign-in.
     */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|1[0-4])\\$[./A-Za-z0-9]{53}");

    private final Argon2Parameters current;
    private final Semaphore hashingSlots;
    private final Argon2BytesGenerator.BlockPool memoryBlocks;
    private final SecureRandom random = new SecureRandom();
    private volatile String decoyHash;

    public Argon2idPasswordHasher() {
        this(Argon2Parameters.CURRENT, Runtime.getRuntime().availableProcessors());
    }

    public Argon2idPasswordHasher(Argon2Parameters current, int concurrentHashes) {
        this.current = current;
        this.hashingSlots = new Semaphore(Math.max(1, concurrentHashes), true);
        // One block is 1 KiB: the pool keeps what the running hashes of the current parameters use, no more.
        this.memoryBlocks = new Argon2BytesGenerator.FixedBlockPool(Math.max(1, concurrentHashes) * current.memoryKiB());
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[current.saltLength()];
        random.nextBytes(salt);
        return new PhcString(current, salt, derive(password, salt, current)).encode();
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        if (encodedHash != null && BCRYPT.matcher(encodedHash).matches()) {
            return verifyBcrypt(password, encodedHash);
        }
        Optional<PhcString> phc = PhcString.parse(encodedHash);
        if (phc.isEmpty()) {
            // No password yet (an imported person) or an unreadable hash: the same work as a wrong password, so
            // the answer's timing does not tell these accounts apart.
            verifyDecoy(password);
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

    /** The column holds 200 characters; our own hashes take about 100. */
    private static final int MAX_IMPORTED_HASH_LENGTH = 200;

    @Override
    public boolean isImportable(String encodedHash) {
        return encodedHash != null && encodedHash.length() <= MAX_IMPORTED_HASH_LENGTH
                && (BCRYPT.matcher(encodedHash).matches() || PhcString.parse(encodedHash)
                .map(PhcString::parameters).filter(Argon2idPasswordHasher::affordable).isPresent());
    }

    /**
     * Imported Argon2id costs at most 64 MiB (RFC 9106's second recommended option) and 10 passes: wrong passwords
     * for imported emails, one hash per core at a time, must not take the server's memory.
     */
    private static boolean affordable(Argon2Parameters p) {
        return p.memoryKiB() <= 64 * 1024 && p.iterations() <= 10 && p.parallelism() <= 4 && p.hashLength() >= 16;
    }

    /** bcrypt looks at the first 72 bytes of the password only, as the systems that made these hashes did. */
    private boolean verifyBcrypt(String password, String encodedHash) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] candidate = utf8.length <= 72 ? utf8 : java.util.Arrays.copyOf(utf8, 72);
        hashingSlots.acquireUninterruptibly();
        try {
            return OpenBSDBCrypt.checkPassword(encodedHash, candidate);
        } catch (IllegalArgumentException | DataLengthException unreadable) {
            return false;
        } finally {
            hashingSlots.release();
        }
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
                        .withBlockPool(memoryBlocks)
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
