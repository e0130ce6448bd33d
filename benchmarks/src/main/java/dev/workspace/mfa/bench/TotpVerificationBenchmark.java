package dev.workspace.mfa.bench;

import dev.workspace.mfa.core.totp.Totp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one TOTP verification ({@link Totp#matchingStep}) with the product profile (SHA-1, 6 digits, 30 s, window
 * t-1..t+1). Every call computes all three codes of the window, so a correct and a wrong code should cost about the
 * same; the wrong code is the worst case a guessing attacker can make the server pay.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TotpVerificationBenchmark {

    /** A fixed clock, so every invocation sees the same window. */
    private static final long NOW = 1_234_567_890L;

    private byte[] secret;
    private String correctCode;
    private String wrongCode;
    private long lastAcceptedStep;

    @Setup
    public void setUp() {
        secret = Totp.newSecret(new SecureRandom());
        long now = Totp.STANDARD.step(NOW);
        correctCode = Totp.STANDARD.code(secret, now);
        wrongCode = wrongCode(now);
        lastAcceptedStep = now - 10;
        // Fail fast if the scenario is not what the benchmark claims to measure.
        if (Totp.STANDARD.matchingStep(secret, correctCode, NOW, lastAcceptedStep).isEmpty()
                || Totp.STANDARD.matchingStep(secret, wrongCode, NOW, lastAcceptedStep).isPresent()) {
            throw new IllegalStateException("benchmark set-up is wrong");
        }
    }

    /** A six-digit code that matches none of the window's steps. */
    private String wrongCode(long now) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean inWindow = false;
            for (long step = now - Totp.ACCEPTED_STEPS_EACH_SIDE; step <= now + Totp.ACCEPTED_STEPS_EACH_SIDE; step++) {
                inWindow |= code.equals(Totp.STANDARD.code(secret, step));
            }
            if (!inWindow) {
                return code;
            }
        }
    }

    // Each case twice, so that throughput is reported in ops/ms and average time in µs/op (one unit per method).

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OptionalLong correctCodeThroughput() {
        return Totp.STANDARD.matchingStep(secret, correctCode, NOW, lastAcceptedStep);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public OptionalLong correctCodeAverageTime() {
        return Totp.STANDARD.matchingStep(secret, correctCode, NOW, lastAcceptedStep);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OptionalLong wrongCodeThroughput() {
        return Totp.STANDARD.matchingStep(secret, wrongCode, NOW, lastAcceptedStep);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public OptionalLong wrongCodeAverageTime() {
        return Totp.STANDARD.matchingStep(secret, wrongCode, NOW, lastAcceptedStep);
    }
}
