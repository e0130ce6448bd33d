package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Where email and SMS go while SMTP or the SMS gateway is not configured, so a development or trial setup can still
 * sign in: one JSON file per message in {@code $MFA_DATA_DIR/outbox/}, readable by the owner only (the files hold
 * sign-in codes), the newest {@value #KEPT} kept so the disk cannot fill up.
 */
@ApplicationScoped
public class DevOutbox {

    static final int KEPT = 500;
    static final String DIRECTORY = "outbox";

    private static final Logger LOG = Logger.getLogger(DevOutbox.class.getName());
    private static final String SUFFIX = ".json";
    /** Static: several instances in one JVM (a redeployment, tests) must not interleave writing and pruning. */
    private static final Object WRITING = new Object();

    private final Path directory;
    private final Set<Channel> channels;

    /** For the CDI proxy. */
    protected DevOutbox() {
        this.directory = null;
        this.channels = Set.of();
    }

    @Inject
    DevOutbox(MfaSettings settings) {
        this(settings.dataDirectory().resolve(DIRECTORY), DeliverySettings.read(settings).outboxChannels());
    }

    /** @param channels the channels that are sent here, because their transport is not configured */
    public DevOutbox(Path directory, Set<Channel> channels) {
        this.directory = directory;
        Set<Channel> copy = EnumSet.noneOf(Channel.class);
        copy.addAll(channels);
        this.channels = Collections.unmodifiableSet(copy);
    }

    /** True when at least one channel is sent here instead of to real people. */
    public boolean inUse() {
        return !channels.isEmpty();
    }

    public Set<Channel> channels() {
        return channels;
    }

    public void append(OutgoingMessage message, Instant at) {
        synchronized (WRITING) {
            try {
                Files.createDirectories(directory, ownerOnly("rwx------"));
                // Written aside and moved into place in one step, so a reader never sees half a message.
                Path draft = Files.createTempFile(directory, ".draft-", ".tmp", ownerOnly("rw-------"));
                try {
                    Files.writeString(draft, json(message, at));
                    Files.move(draft, directory.resolve(fileName(at)), StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(draft);
                }
                prune();
            } catch (IOException e) {
                throw new DeliveryFailedException("%s to %s not written to the dev outbox: %s"
                        .formatted(message.channel(), message.maskedTo(), FailedAttempt.describe(e)));
            }
        }
    }

    /** The newest messages, at most {@code max} of them. */
    public List<OutboxEntry> newestFirst(int max) {
        try (Stream<Path> newest = messageFiles().sorted(Comparator.reverseOrder())) {
            return newest.map(this::read).flatMap(Optional::stream).limit(max).toList();
        } catch (NoSuchFileException nothingSentYet) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the dev outbox " + directory, e);
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    /** Names sort by time; the random part keeps two messages of the same instant apart. */
    private static String fileName(Instant at) {
        return "%012d%09d-%08x%s".formatted(at.getEpochSecond(), at.getNano(), ThreadLocalRandom.current().nextInt(), SUFFIX);
    }

    private Stream<Path> messageFiles() throws IOException {
        return Files.list(directory).filter(file -> {
            String name = file.getFileName().toString();
            return name.endsWith(SUFFIX) && !name.startsWith(".");
        });
    }

    private void prune() throws IOException {
        List<Path> oldestFirst;
        try (Stream<Path> files = messageFiles().sorted()) {
            oldestFirst = files.toList();
        }
        for (Path file : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - KEPT))) {
            Files.deleteIfExists(file);
        }
    }

    private static String json(OutgoingMessage message, Instant at) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("time", at.toString())
                .add("channel", message.channel().name())
                .add("to", message.to())
                .add("text", message.text());
        if (message.subject() != null) {
            json.add("subject", message.subject());
        }
        return json.build().toString();
    }

    /** Empty when the file was pruned meanwhile or cannot be read as a message (then it is skipped, not fatal). */
    private Optional<OutboxEntry> read(Path file) {
        try {
            JsonObject json = Json.createReader(new StringReader(Files.readString(file))).readObject();
            return Optional.of(new OutboxEntry(Instant.parse(json.getString("time")),
                    Channel.valueOf(json.getString("channel")), json.getString("to"), json.getString("subject", null),
                    json.getString("text")));
        } catch (NoSuchFileException pruned) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Skipping unreadable dev outbox file " + file.getFileName() + ": " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
