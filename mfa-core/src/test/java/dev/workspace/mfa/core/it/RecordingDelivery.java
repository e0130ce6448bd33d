package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.delivery.MessageDelivery;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the application's message delivery in the test deployment (an enabled alternative): every message is kept
 * in memory, with the thread that sent it, so tests can read emailed codes and security emails. Tests filter by
 * recipient, since each test works on people of its own.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class RecordingDelivery implements MessageDelivery {

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    /** A message as it was handed over, and the name of the thread that handed it. */
    public record Sent(OutgoingMessage message, String thread) {
        public String subject() {
            return message.subject();
        }

        public String text() {
            return message.text();
        }

        /** The 6-digit code in the text. */
        public String code() {
            Matcher matcher = SIX_DIGITS.matcher(message.text());
            if (!matcher.find()) {
                throw new AssertionError("no 6-digit code in: " + message.text());
            }
            return matcher.group(1);
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(OutgoingMessage message) {
        sent.add(new Sent(message, Thread.currentThread().getName()));
    }

    public List<Sent> to(String address) {
        return sent.stream().filter(s -> s.message().to().equalsIgnoreCase(address)).toList();
    }

    public List<Sent> to(String address, Predicate<Sent> which) {
        return to(address).stream().filter(which).toList();
    }

    /**
     * Waits (polling, at most {@code timeout}) until at least {@code count} matching messages reached the address;
     * returns those there are then, however many.
     */
    public List<Sent> await(String address, Predicate<Sent> which, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sent> found = to(address, which);
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = to(address, which);
        }
        return found;
    }

    public void clear() {
        sent.clear();
    }
}
