package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevOutboxTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path data;

    private DevOutbox outbox(Set<Channel> channels) {
        return new DevOutbox(data.resolve("outbox"), channels);
    }

    @Test
    void keepsEverythingAPageShowsNewestFirst() {
        DevOutbox outbox = outbox(Set.of(Channel.EMAIL, Channel.SMS));
        outbox.append(OutgoingMessage.email("jane@example.com", "Your code: ü", "Code 111111\nBye", "<p>111111</p>"), T0);
        outbox.append(OutgoingMessage.sms("+4915123456789", "Code \"222222\""), T0.plusSeconds(1));

        List<OutboxEntry> entries = outbox.newestFirst(10);

        assertEquals(List.of(
                new OutboxEntry(T0.plusSeconds(1), Channel.SMS, "+4915123456789", null, "Code \"222222\""),
                new OutboxEntry(T0, Channel.EMAIL, "jane@example.com", "Your code: ü", "Code 111111\nBye")), entries);
        assertEquals(1, outbox.newestFirst(1).size());
    }

    @Test
    void anEmptyOrMissingOutboxHasNothing() {
        assertEquals(List.of(), outbox(Set.of(Channel.EMAIL)).newestFirst(10));
    }

    @Test
    void keepsOnlyTheNewestMessages() throws IOException {
        DevOutbox outbox = outbox(Set.of(Channel.SMS));
        int total = DevOutbox.KEPT + 7;
        for (int i = 0; i < total; i++) {
            outbox.append(OutgoingMessage.sms("+4915123456789", "message " + i), T0.plusMillis(i));
        }

        List<OutboxEntry> entries = outbox.newestFirst(Integer.MAX_VALUE);
        assertEquals(DevOutbox.KEPT, entries.size());
        assertEquals("message " + (total - 1), entries.get(0).text());
        assertEquals("message 7", entries.get(entries.size() - 1).text());
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            assertEquals(DevOutbox.KEPT, files.count());
        }
    }

    @Test
    void survivesARestart() {
        outbox(Set.of(Channel.EMAIL)).append(OutgoingMessage.email("jane@example.com", "Hello", "text", null), T0);

        List<OutboxEntry> afterRestart = outbox(Set.of(Channel.EMAIL)).newestFirst(10);

        assertEquals(1, afterRestart.size());
        assertEquals("Hello", afterRestart.get(0).subject());
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        DevOutbox first = outbox(Set.of(Channel.SMS));
        DevOutbox second = outbox(Set.of(Channel.SMS));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 200).<Future<?>>mapToObj(i -> writers.submit(() ->
                    (i % 2 == 0 ? first : second).append(OutgoingMessage.sms("+4915123456789", "n" + i), T0))).toList();
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        List<OutboxEntry> entries = first.newestFirst(1000);
        assertEquals(200, entries.size());
        assertEquals(200, entries.stream().map(OutboxEntry::text).distinct().count());
    }

    @Test
    void onlyTheOwnerMayReadIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        outbox(Set.of(Channel.SMS)).append(OutgoingMessage.sms("+4915123456789", "Code 123456"), T0);

        Path directory = data.resolve("outbox");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
    }

    @Test
    void aBrokenFileIsSkipped() throws IOException {
        DevOutbox outbox = outbox(Set.of(Channel.SMS));
        outbox.append(OutgoingMessage.sms("+4915123456789", "fine"), T0);
        Files.writeString(data.resolve("outbox").resolve("999999999999000000000-00000000.json"), "{not json");

        List<OutboxEntry> entries = outbox.newestFirst(10);

        assertEquals(1, entries.size());
        assertEquals("fine", entries.get(0).text());
    }

    @Test
    void inUseWhenAChannelGoesThere() {
        assertTrue(outbox(Set.of(Channel.SMS)).inUse());
        assertEquals(Set.of(Channel.SMS), outbox(Set.of(Channel.SMS)).channels());
        assertFalse(outbox(Set.of()).inUse());
    }
}
