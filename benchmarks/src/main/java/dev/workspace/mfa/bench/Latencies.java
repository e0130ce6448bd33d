package dev.workspace.mfa.bench;

import java.util.Arrays;
import java.util.Locale;

/** The latencies of one kind of request, in nanoseconds, and its errors. */
final class Latencies {
    private long[] samples = new long[1024];
    private int count;
    private int errors;
    private String firstProblem;

    void add(long nanos, String problem) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
        if (problem != null) {
            errors++;
            firstProblem = firstProblem == null ? problem : firstProblem;
        }
    }

    Latencies merge(Latencies other) {
        Latencies merged = new Latencies();
        merged.samples = Arrays.copyOf(samples, count + other.count);
        System.arraycopy(other.samples, 0, merged.samples, count, other.count);
        merged.count = count + other.count;
        merged.errors = errors + other.errors;
        merged.firstProblem = firstProblem != null ? firstProblem : other.firstProblem;
        return merged;
    }

    String row(String name, String matched, long elapsedNanos) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %s | %s | %s | %s |", name, matched, count,
                errors, count / (elapsedNanos / 1e9), millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                millis(sorted, 1.0));
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    String firstProblem() {
        return firstProblem;
    }

    /** The latency at this quantile (nearest rank), in milliseconds with one decimal, or "-" without samples. */
    String millisAt(double quantile) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return millis(sorted, quantile);
    }

    /** Nearest rank. */
    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, rank - 1)] / 1e6);
    }
}
