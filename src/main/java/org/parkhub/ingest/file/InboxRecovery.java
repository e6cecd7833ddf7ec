package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * Finds inbound files that no upload event will announce. At start-up: files in the work area (processing
 * was cut off: resume), files still in an inbox whose upload had ended (process them) and files whose upload
 * never ended (incomplete). Later sweeps pick up files that reached an inbox some other way and have been
 * still for a while. Uploads in progress are left to their own end event.
 */
public class InboxRecovery {

    private final InboxLayout layout;
    private final InboundFiles files;
    private final ParticipantDirectory participants;
    private final OffsetDateTime startedAt = OffsetDateTime.now();
    private final Duration settle;
    private final AtomicBoolean firstSweep = new AtomicBoolean(true);

    public InboxRecovery(InboxLayout layout, InboundFiles files, ParticipantDirectory participants, Duration settle) {
        this.layout = layout;
        this.files = files;
        this.participants = participants;
        this.settle = settle;
    }

    public List<InboxEvent> pending() {
        boolean atStart = firstSweep.getAndSet(false);
        Instant stillSince = Instant.now().minus(settle);
        Set<Path> cutOff = new HashSet<>();
        for (String path : files.unfinishedUploads(startedAt)) {
            cutOff.add(Path.of(path));
        }
        List<InboxEvent> events = new ArrayList<>();
        for (Participant participant : participants.all()) {
            for (InboxLayout.Folder folder : InboxLayout.Folder.values()) {
                String id = participant.id();
                for (Path workDir : atStart ? list(layout.work(id, folder)) : List.<Path>of()) {
                    for (Path taken : list(workDir)) {
                        if (!InboxLayout.isReceipt(taken.getFileName().toString())) {
                            events.add(InboxEvent.resume(new InboxFile(id, folder, taken.getFileName().toString()), taken));
                        }
                    }
                }
                for (Path waiting : list(layout.inbox(id, folder))) {
                    InboxFile file = new InboxFile(id, folder, waiting.getFileName().toString());
                    if (cutOff.contains(waiting.toAbsolutePath().normalize())) {
                        files.uploadEnded(waiting.toAbsolutePath().normalize().toString());
                        events.add(InboxEvent.incomplete(file, "the upload was cut off while the hub was stopped"));
                    } else if (Files.isRegularFile(waiting) && (atStart || !files.isUploading(waiting.toAbsolutePath().normalize().toString())
                            && lastModified(waiting).isBefore(stillSince))) {
                        events.add(InboxEvent.uploaded(file));
                    }
                }
            }
        }
        return events;
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
