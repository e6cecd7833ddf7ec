package org.parkhub.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies for firms that collect them by FTP: batched per type into files in their {@code outbox/}, in their
 * format. A batch grows in the hub's work area ({@code <data>/outbox-work/<participant>/}), each copy appended
 * and forced to disk before its broker transaction commits, its message id noted beside it. A batch is
 * complete at the participant's size or age; it is then closed, written out and moved into {@code outbox/} in
 * one rename, so a reader never sees half a file, and its copies are journaled as delivered. A hub stopped at
 * any point finishes the job after restart: at least once, every entry with its message id.
 */
public class FtpOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(FtpOutbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    private static final String PART = ".part";
    private static final String IDS = ".ids";
    /** {@code <type>-<started>-<n>.<extension>.part}, e.g. {@code stock-movement-20261126-221500-042-7.csv.part}. */
    private static final Pattern BATCH_NAME = Pattern.compile(
            "(?<type>[a-z-]+)-(?<started>[0-9]{8}-[0-9]{6}-[0-9]{3})-[0-9]+\\.[a-z]+\\.part");

    private final InboxLayout layout;
    private final Path workRoot;
    private final ParticipantDirectory participants;
    private final CsvProfiles profiles;
    private final DeliveryFormat formats;
    private final DeliveryLog log;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Path, Integer> counts = new ConcurrentHashMap<>();

    public FtpOutbox(InboxLayout layout, Path workRoot, ParticipantDirectory participants, CsvProfiles profiles,
                     DeliveryFormat formats, DeliveryLog log, DeliverySettings settings, Clock clock, ZoneId zone) {
        this.formats = formats;
        this.layout = layout;
        this.workRoot = workRoot;
        this.participants = participants;
        this.profiles = profiles;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /** Adds the copy in the exchange to its recipient's open batch of its type (the entry point of its route). */
    public void append(Exchange exchange) throws IOException {
        QueuedCopy copy = QueuedCopy.from(exchange, participants);
        Envelope envelope = copy.envelope();
        String recipient = copy.recipient().id();
        BatchFormat format = format(copy.recipient(), envelope.type());
        synchronized (lock(recipient)) {
            Path dir = workDir(recipient);
            Path part = open(dir, envelope.type()).orElseGet(() -> dir.resolve(envelope.type().path() + "-"
                    + LocalDateTime.now(clock.withZone(zone)).format(STAMP) + "-" + sequence.incrementAndGet() + "." + format.extension() + PART));
            boolean first = !Files.exists(part);
            byte[] entry;
            try {
                entry = format.entry().write(envelope, copy.envelopeJson(), first);
            } catch (RuntimeException e) {
                // no retry makes it writable: a dead letter with its cause, and the batch file untouched
                log.dead(envelope.messageId(), recipient, "cannot be written as " + format.extension() + ": " + e.getMessage());
                return;
            }
            if (first) {
                write(part, format.opening());
            }
            write(part, entry);
            counts.computeIfAbsent(part, this::count);
            write(ids(part), (envelope.messageId() + "\n").getBytes(StandardCharsets.US_ASCII));
            if (counts.merge(part, 1, Integer::sum) >= batchSize(copy.recipient().delivery())) {
                complete(recipient, part, format);
            }
        }
    }

    /** Completes every batch old enough (the timer route); returns how many files were written. */
    public int completeDue() throws IOException {
        int written = 0;
        for (Participant participant : participants.all()) {
            if (!participant.delivery().ftp()) {
                continue;
            }
            Duration age = Duration.ofSeconds(batchSeconds(participant.delivery()));
            synchronized (lock(participant.id())) {
                for (Path part : parts(workDir(participant.id()))) {
                    if (startedLongAgo(part, age)) {
                        complete(participant.id(), part, format(participant, typeOf(part)));
                        written++;
                    }
                }
            }
        }
        return written;
    }

    /**
     * After a restart: batches whose file already reached the outbox are journaled as delivered, every other
     * batch is completed at once rather than left waiting for more copies.
     */
    public void recover() throws IOException {
        for (Participant participant : participants.all()) {
            if (!participant.delivery().ftp()) {
                continue;
            }
            synchronized (lock(participant.id())) {
                Path dir = workDir(participant.id());
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path ids : files.filter(p -> p.toString().endsWith(IDS)).toList()) {
                        Path part = dir.resolve(ids.getFileName().toString().replace(IDS, PART));
                        if (Files.exists(part)) {
                            complete(participant.id(), part, format(participant, typeOf(part)));
                        } else {
                            delivered(participant.id(), ids, finalName(part));
                        }
                    }
                }
            }
        }
    }

    private void complete(String recipient, Path part, BatchFormat format) throws IOException {
        String name = finalName(part);
        Path staged = part.resolveSibling(name + ".final");
        Files.copy(part, staged, StandardCopyOption.REPLACE_EXISTING);
        write(staged, format.closing());
        Path outbox = layout.outbox(recipient);
        Files.createDirectories(outbox);
        Files.move(staged, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(part);
        counts.remove(part);
        delivered(recipient, ids(part), name);
    }

    private void delivered(String recipient, Path ids, String name) throws IOException {
        List<String> messageIds = Files.readAllLines(ids, StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank()).toList();
        log.deliveredAll(messageIds, recipient, "in outbox/" + name);
        Files.delete(ids);
        LOG.info("outbox of {}: {} with {} messages", recipient, name, messageIds.size());
    }

    private BatchFormat format(Participant participant, MessageType type) {
        return switch (participant.delivery().format()) {
            case "csv" -> BatchFormat.csv(InboxLayout.Folder.forType(type)
                    .map(folder -> participant.profiles().get(folder.folderName()))
                    .flatMap(profiles::byName).orElseGet(() -> CsvProfiles.defaultFor(type)), zone);
            case "json" -> BatchFormat.json();
            case "xml" -> BatchFormat.xml();
            case "ceb-xml" -> BatchFormat.single(formats, "ceb-xml");
            default -> throw new IllegalStateException("no outbox format " + participant.delivery().format());
        };
    }

    private Optional<Path> open(Path dir, MessageType type) throws IOException {
        return parts(dir).stream().filter(p -> typeOf(p) == type).findFirst();
    }

    private static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(PART)).sorted().toList();
        }
    }

    private static Matcher batchName(Path part) {
        Matcher name = BATCH_NAME.matcher(part.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("not an outbox batch: " + part);
        }
        return name;
    }

    private static MessageType typeOf(Path part) {
        String type = batchName(part).group("type");
        return MessageType.byPath(type).orElseThrow(() -> new IllegalStateException("not an outbox batch: " + part));
    }

    /** The batch started longer ago than its age allows (its name holds the start). */
    private boolean startedLongAgo(Path part, Duration age) {
        LocalDateTime started = LocalDateTime.parse(batchName(part).group("started"), STAMP);
        return started.atZone(zone).toInstant().plus(age).isBefore(clock.instant());
    }

    private static String finalName(Path part) {
        String name = part.getFileName().toString();
        return name.substring(0, name.length() - PART.length());
    }

    private static Path ids(Path part) {
        return part.resolveSibling(finalName(part) + IDS);
    }

    /** Copies in an open batch: counted as they come, counted from its ids file once after a restart. */
    private int count(Path part) {
        try {
            return Files.exists(ids(part)) ? Files.readAllLines(ids(part), StandardCharsets.US_ASCII).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path workDir(String participantId) {
        Path dir = workRoot.resolve(participantId);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private Object lock(String participantId) {
        return locks.computeIfAbsent(participantId, id -> new Object());
    }

    private int batchSize(Delivery delivery) {
        if (Delivery.CEB_XML.equals(delivery.format())) {
            return 1; // one customs message, one file, as the e-port exchanges them
        }
        return delivery.batchSize() != null ? delivery.batchSize() : settings.outboxBatchSize();
    }

    private int batchSeconds(Delivery delivery) {
        return delivery.batchSeconds() != null ? delivery.batchSeconds() : settings.outboxBatchSeconds();
    }

    /** Appends in one write and forces it to disk: once the broker transaction commits, the entry is kept. */
    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
