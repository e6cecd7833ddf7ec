package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.parkhub.customs.CebFormatErrors;
import org.parkhub.customs.CebXml;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.ingest.CebReading;
import org.parkhub.ingest.IntakeMetrics;
import org.parkhub.ingest.MalformedInputException;
import org.parkhub.ingest.MessageIntake;
import org.parkhub.ingest.XmlText;
import org.parkhub.ingest.csv.CsvProfile;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.ingest.csv.CsvRecordReader;
import org.parkhub.ingest.csv.FilePolicy;
import org.parkhub.ingest.csv.FlatLayout;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journaled;
import org.parkhub.journal.SignedDocument;
import org.parkhub.model.Channel;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.validate.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one inbound file end to end: takes it out of the inbox, inspects it, reads its records through
 * the sender's profile, has the intake check them and journal the good ones in batches, writes the receipt, then
 * archives file and receipt. The same file twice is answered DUPLICATE; a file cut off by a crash is
 * resumed without journaling its rows twice.
 */
public class FileIngress {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngress.class);
    private static final int BATCH = 500;
    private static final long MAX_XML_CHARS = 10L * 1024 * 1024;

    private final InboxLayout layout;
    private final InboundFiles files;
    private final ParticipantDirectory participants;
    private final CsvProfiles profiles;
    private final MessageIntake intake;
    private final ZoneId zone;
    private final CebReading customsXml;
    private final IntakeMetrics metrics;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public FileIngress(InboxLayout layout, InboundFiles files, ParticipantDirectory participants, CsvProfiles profiles,
                       MessageIntake intake, ZoneId zone, CebReading customsXml, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.customsXml = customsXml;
        this.layout = layout;
        this.files = files;
        this.participants = participants;
        this.profiles = profiles;
        this.intake = intake;
        this.zone = zone;
    }

    /** Handles one inbox event (the entry point of the inbox route). */
    public void handle(InboxEvent event) throws IOException {
        switch (event.kind()) {
            case UPLOADED -> process(event.file());
            case INCOMPLETE -> incomplete(event.file(), event.detail());
            case RESUME -> resume(event.file(), event.workFile());
        }
    }

    /** An upload ended, or a file was found waiting: take it out of the inbox and process it. */
    public void process(InboxFile file) throws IOException {
        process(file, Channel.FTP);
    }

    /**
     * The same for a file that came through the given channel (a polled remote source is {@code file}).
     * Returns the name of its receipt in {@code receipts/}; empty when another worker took the file first.
     */
    public Optional<String> process(InboxFile file, Channel channel) throws IOException {
        Optional<Path> taken = take(file);
        if (taken.isPresent()) {
            return Optional.of(processTaken(file, taken.get(), channel));
        }
        return Optional.empty();
    }

    /** A file left in the work area by a crash: processed again, skipping the rows already journaled. */
    public void resume(InboxFile file, Path taken) throws IOException {
        processTaken(file, taken, Channel.FTP);
    }

    /** An upload that did not end: no row of it is processed; the receipt says why. */
    public void incomplete(InboxFile file, String reason) throws IOException {
        Optional<Path> taken = take(file);
        if (taken.isPresent()) {
            finishWithSummary(file, taken.get(), StandardCharsets.UTF_8, ReceiptStatus.INCOMPLETE, "the upload did not"
                    + " complete (" + reason + "); nothing of this file was processed, please send it again");
        }
    }

    /**
     * Moves the file out of the inbox into a work folder of its own. The move is the claim: whoever moves the
     * file processes it, and the firm cannot overwrite it meanwhile. Empty when someone else took it first.
     */
    private Optional<Path> take(InboxFile file) throws IOException {
        Path source = layout.inbox(file.participantId(), file.folder()).resolve(file.name());
        Path workDir = layout.work(file.participantId(), file.folder()).resolve(UUID.randomUUID().toString());
        Files.createDirectories(workDir);
        Path taken = workDir.resolve(file.name());
        try {
            Files.move(source, taken, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(taken);
        } catch (NoSuchFileException gone) {
            Files.delete(workDir);
            return Optional.empty();
        }
    }

    /** Processes a file taken into the work area; returns the name of its receipt. */
    private String processTaken(InboxFile file, Path taken, Channel channel) throws IOException {
        Optional<Participant> sender = participants.byId(file.participantId());
        if (sender.isEmpty()) {
            return finishWithSummary(file, taken, StandardCharsets.UTF_8, ReceiptStatus.REJECTED,
                    "unknown participant " + file.participantId());
        }
        Optional<MessageType> type = file.folder().type();
        CebReading.Read customs = null;
        if (type.isEmpty()) {
            // inbox/ceb: the document's root element says what it holds
            String document = null;
            try {
                document = readCustomsText(taken);
                customs = customsXml.read(document);
                type = Optional.of(customs.content().type());
            } catch (CustomsXmlException e) {
                return finishWithFormatError(file, taken, document, e.getMessage());
            }
        }
        String extension = extension(file.name());
        CsvProfile profile = profileFor(sender.get(), file.folder(), type.get());
        FileInspector.Inspection inspection = FileInspector.inspect(taken,
                extension.equals("csv") || extension.equals("txt") ? profile.encoding() : Optional.empty());
        Charset receiptCharset = inspection.problem() == null ? inspection.charset() : StandardCharsets.UTF_8;
        if (inspection.problem() != null) {
            return finishWithSummary(file, taken, receiptCharset, ReceiptStatus.REJECTED, inspection.problem() + "; nothing was accepted");
        }
        if (!intake.maySend(sender.get(), type.get())) {
            return finishWithSummary(file, taken, receiptCharset, ReceiptStatus.REJECTED, sender.get().id() + " may not send "
                    + type.get().path() + " messages; nothing was accepted");
        }
        InboundFiles.Claim claim = files.claim(file.participantId(), file.name(), file.folder().folderName(), inspection.sha256());
        if (claim.status() == InboundFiles.ClaimStatus.DUPLICATE || !inFlight.add(claim.fileId())) {
            String reason = "the same file (same name and content) was received on "
                    + claim.firstReceivedAt().atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
                    + "; it is not processed again";
            Optional<Path> earlier = claim.status() == InboundFiles.ClaimStatus.DUPLICATE
                    ? archivedReceipt(file, claim.fileId()) : Optional.empty();
            if (earlier.isPresent()) {
                return finishWithEarlierReceipt(file, taken, earlier.get(), reason);
            }
            return finishWithSummary(file, taken, receiptCharset, ReceiptStatus.DUPLICATE, reason);
        }
        try {
            Path staged = taken.resolveSibling(InboxLayout.receiptName(file.name()));
            files.started(claim.fileId(), rowsExpected(extension, inspection, profile));
            long started = System.nanoTime();
            Counts counts;
            try (ReceiptWriter receipt = new ReceiptWriter(staged, receiptCharset)) {
                counts = readAll(new Input(file, taken, channel, inspection, profile, sender.get(), type.get(), claim,
                        customs), receipt);
            }
            deliverReceipt(file, staged);
            // the file list counts a record taken before (a duplicate) as taken: its document is in the journal
            files.finish(claim.fileId(), counts.accepted + counts.duplicates, counts.rejected, staged.getFileName().toString());
            metrics.intakeTime(channel, type.get(), sender.get().id(), Duration.ofNanos(System.nanoTime() - started));
            archive(file, taken, claim.fileId());
            LOG.info("file {}/{}/{}: {} records accepted, {} duplicates, {} rejected", file.participantId(),
                    file.folder().folderName(), file.name(), counts.accepted, counts.duplicates, counts.rejected);
            return staged.getFileName().toString();
        } finally {
            inFlight.remove(claim.fileId());
        }
    }

    /** About how many records a CSV file holds (its lines after the header); unknown for JSON and XML. */
    private static Integer rowsExpected(String extension, FileInspector.Inspection inspection, CsvProfile profile) {
        if (!extension.equals("csv") && !extension.equals("txt")) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, inspection.lines() - profile.headerRow()));
    }

    /** Records accepted, taken before (duplicates) and rejected so far. */
    private static final class Counts {
        int accepted;
        int duplicates;
        int rejected;
        /** How many of them the metrics were told about. */
        int reportedAccepted;
        int reportedRejected;
    }

    /** What a pass over a file does: only count, journal and write the receipt, or refuse every record. */
    private enum Mode { DRY_RUN, JOURNAL, REJECT_ALL }

    /** Everything a pass over one file needs to know about it. */
    private record Input(InboxFile file, Path taken, Channel channel, FileInspector.Inspection inspection,
                         CsvProfile profile, Participant sender, MessageType type, InboundFiles.Claim claim,
                         CebReading.Read customs) {
    }

    private Counts readAll(Input input, ReceiptWriter receipt) throws IOException {
        Counts counts = new Counts();
        boolean allOrNothing = input.profile().policy() == FilePolicy.ALL_OR_NOTHING;
        if (allOrNothing) {
            Counts dryRun = new Counts();
            String broken = pass(input, Mode.DRY_RUN, null, dryRun);
            if (broken != null || dryRun.rejected > 0) {
                pass(input, Mode.REJECT_ALL, receipt, counts);
                receipt.summary(ReceiptStatus.REJECTED, (broken != null ? broken + "; " : "")
                        + dryRun.rejected + " of " + (dryRun.accepted + dryRun.rejected)
                        + " records have errors and the profile is all-or-nothing: nothing was accepted");
                return counts;
            }
        }
        String broken = pass(input, Mode.JOURNAL, receipt, counts);
        int records = counts.accepted + counts.duplicates + counts.rejected;
        ReceiptStatus overall = overall(counts, broken);
        String empty = broken == null && records == 0 ? "the file holds no records; " : "";
        receipt.summary(overall, (broken != null ? broken + "; " : empty) + "records: " + records
                + ", accepted: " + counts.accepted + ", duplicates: " + counts.duplicates + ", rejected: " + counts.rejected);
        return counts;
    }

    /**
     * The file as a whole: ACCEPTED when every record was taken now or before, DUPLICATE when every one had been
     * taken before, REJECTED when none was taken, PARTIAL otherwise (or when the file broke off after some).
     */
    private static ReceiptStatus overall(Counts counts, String broken) {
        if (counts.accepted + counts.duplicates == 0) {
            return ReceiptStatus.REJECTED;
        }
        if (counts.rejected > 0 || broken != null) {
            return ReceiptStatus.PARTIAL;
        }
        return counts.accepted == 0 ? ReceiptStatus.DUPLICATE : ReceiptStatus.ACCEPTED;
    }

    /** One pass over the file's records in the given mode. Returns why the file broke off, or null. */
    private String pass(Input input, Mode mode, ReceiptWriter receipt, Counts counts) throws IOException {
        FlatLayout layout = FlatLayout.of(input.type());
        List<RecordOutcome> pending = new ArrayList<>();
        try (Reader reader = FileInspector.open(input.taken(), input.inspection());
             RecordSource source = input.customs() != null ? new PayloadSource(input.customs().content())
                     : open(reader, input.file(), input.profile(), input.type())) {
            while (source.hasNext()) {
                FileRecord record = source.next();
                pending.add(decide(record, input));
                if (pending.size() >= BATCH) {
                    flush(input, pending, mode, receipt, counts, source, layout);
                }
            }
            flush(input, pending, mode, receipt, counts, source, layout);
            return null;
        } catch (UnreadableFileException e) {
            return e.getMessage();
        } catch (UncheckedIOException e) {
            pending.clear();
            return e.getCause().getMessage() + " (the rows after it were not read)";
        }
    }

    private RecordOutcome decide(FileRecord record, Input input) {
        MessageIntake.Checked checked = intake.check(input.sender(), input.type(), record.payload(), record.errors())
                .with(MessageIntake.signatureWarning(signed(input)));
        return new RecordOutcome(record, checked.errors(), checked.warnings(), null);
    }

    private void flush(Input input, List<RecordOutcome> pending, Mode mode, ReceiptWriter receipt, Counts counts,
                       RecordSource source, FlatLayout layout) {
        if (mode == Mode.JOURNAL) {
            // a resumed file: the rows its earlier run journaled keep their message ids and are not journaled again
            Map<Long, String> earlier = input.claim().status() == InboundFiles.ClaimStatus.RESUMED && !pending.isEmpty()
                    ? intake.journaledRows(input.claim().fileId(), pending.get(0).record().firstLine(),
                    pending.get(pending.size() - 1).record().firstLine())
                    : Map.of();
            List<Integer> toJournal = new ArrayList<>();
            List<Incoming> batch = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                RecordOutcome p = pending.get(i);
                String earlierId = earlier.get(p.record().firstLine());
                if (p.errors().isEmpty() && earlierId != null) {
                    pending.set(i, new RecordOutcome(p.record(), p.errors(), p.warnings(), earlierId));
                } else if (p.errors().isEmpty()) {
                    toJournal.add(i);
                    batch.add(new Incoming(p.record().payload(), "file " + input.file().name() + " line "
                            + p.record().firstLine(), input.claim().fileId(), p.record().firstLine(), p.record().action()));
                }
            }
            List<Journaled> journaled = batch.isEmpty() ? List.of()
                    : intake.journal(input.sender(), input.channel(), batch, signed(input));
            for (int i = 0; i < journaled.size(); i++) {
                RecordOutcome p = pending.get(toJournal.get(i));
                Journaled j = journaled.get(i);
                pending.set(toJournal.get(i), switch (j.disposition()) {
                    case NEW, REVISION -> new RecordOutcome(p.record(), p.errors(), p.warnings(), j.messageId());
                    case DUPLICATE -> new RecordOutcome(p.record(), p.errors(), p.warnings(), j.messageId(), true);
                    case REFUSED -> new RecordOutcome(p.record(), List.of(MessageIntake.refusal(j)), p.warnings(), null);
                });
            }
        }
        for (RecordOutcome decided : pending) {
            RecordOutcome p = decided;
            if (mode == Mode.REJECT_ALL && p.errors().isEmpty()) {
                p = new RecordOutcome(p.record(), List.of(new FieldError("", "ALL_OR_NOTHING", "not accepted: other records"
                        + " of the file have errors and its profile accepts a file only as a whole")), p.warnings(), null);
            }
            switch (p.status()) {
                case ACCEPTED -> counts.accepted++;
                case DUPLICATE -> counts.duplicates++;
                default -> counts.rejected++;
            }
            if (mode != Mode.DRY_RUN) {
                ReceiptRows.write(receipt, p, source, layout);
            }
        }
        if (mode != Mode.DRY_RUN) {
            metrics.received(input.channel(), input.type(), input.sender().id(), counts.accepted - counts.reportedAccepted,
                    counts.rejected - counts.reportedRejected);
            counts.reportedAccepted = counts.accepted;
            counts.reportedRejected = counts.rejected;
            files.progress(input.claim().fileId(), counts.accepted + counts.duplicates, counts.rejected);
        }
        pending.clear();
    }

    private RecordSource open(Reader reader, InboxFile file, CsvProfile profile, MessageType type)
            throws IOException, UnreadableFileException {
        return switch (extension(file.name())) {
            case "csv", "txt" -> new CsvRecordReader(reader, profile, zone);
            case "json" -> new JsonRecordSource(reader, type);
            case "xml" -> new XmlRecordSource(reader, type, MAX_XML_CHARS);
            default -> throw new UnreadableFileException("files named *." + extension(file.name())
                    + " are not read: send .csv, .json or .xml");
        };
    }

    private static Optional<SignedDocument> signed(Input input) {
        return input.customs() == null ? Optional.empty() : input.customs().signed();
    }

    private static String readCustomsText(Path taken) throws IOException, CustomsXmlException {
        if (Files.size(taken) > MAX_XML_CHARS) {
            throw new CustomsXmlException("a customs XML file is at most " + MAX_XML_CHARS + " bytes");
        }
        try {
            // a file has no Content-Type: its byte order mark or XML declaration names the encoding
            return XmlText.decode(Files.readAllBytes(taken), Optional.empty());
        } catch (MalformedInputException e) {
            throw new CustomsXmlException(e.getMessage(), e);
        }
    }

    private CsvProfile profileFor(Participant sender, InboxLayout.Folder folder, MessageType type) {
        return Optional.ofNullable(sender.profiles().get(folder.folderName()))
                .map(name -> profiles.byName(name).orElseThrow(() ->
                        new IllegalStateException("participant " + sender.id() + " names CSV profile " + name + ", which does not exist")))
                .orElseGet(() -> CsvProfiles.defaultFor(type));
    }

    private String finishWithSummary(InboxFile file, Path taken, Charset charset, ReceiptStatus status, String text)
            throws IOException {
        Path staged = taken.resolveSibling(InboxLayout.receiptName(file.name()));
        try (ReceiptWriter receipt = new ReceiptWriter(staged, charset)) {
            receipt.summary(status, text);
        }
        deliverReceipt(file, staged);
        archive(file, taken, UUID.randomUUID().toString());
        if (participants.byId(file.participantId()).isPresent()) {
            files.refused(file.participantId(), file.name(), file.folder().folderName(),
                    status == ReceiptStatus.REJECTED ? "REFUSED" : status.name(), staged.getFileName().toString(), text);
        }
        LOG.info("file {}/{}/{}: {}: {}", file.participantId(), file.folder().folderName(), file.name(), status, text);
        return staged.getFileName().toString();
    }

    /** Customs XML the hub cannot read is answered the way the e-port answers it: a CEB900 receipt. */
    private String finishWithFormatError(InboxFile file, Path taken, String document, String reason) throws IOException {
        Path staged = taken.resolveSibling(InboxLayout.formatErrorName(file.name()));
        String answer = CebXml.write(CebFormatErrors.answer(CebFormatErrors.messageTypeOf(document), file.name(),
                reason + "; nothing was accepted", OffsetDateTime.now(zone), zone));
        Files.writeString(staged, answer, StandardCharsets.UTF_8);
        deliverReceipt(file, staged);
        archive(file, taken, UUID.randomUUID().toString());
        files.refused(file.participantId(), file.name(), file.folder().folderName(), "REFUSED",
                staged.getFileName().toString(), reason);
        LOG.info("file {}/{}/{}: {}: {}", file.participantId(), file.folder().folderName(), file.name(),
                ReceiptStatus.REJECTED, reason);
        return staged.getFileName().toString();
    }

    /**
     * A file sent again after it was processed gets the receipt of its first processing once more (a firm that
     * sends again usually missed that receipt, and its rows' message ids are in it), not a bare DUPLICATE.
     */
    private String finishWithEarlierReceipt(InboxFile file, Path taken, Path earlier, String reason) throws IOException {
        String receiptName = InboxLayout.receiptName(file.name());
        deliverReceipt(file, earlier, receiptName);
        archive(file, taken, UUID.randomUUID().toString());
        files.refused(file.participantId(), file.name(), file.folder().folderName(), ReceiptStatus.DUPLICATE.name(),
                receiptName, reason + "; its first receipt was given again");
        LOG.info("file {}/{}/{}: {}: {}; its first receipt was given again", file.participantId(),
                file.folder().folderName(), file.name(), ReceiptStatus.DUPLICATE, reason);
        return receiptName;
    }

    /** Where the receipt of a processed file was archived with it (archive/&lt;participant&gt;/&lt;day&gt;/&lt;id&gt;-...). */
    private Optional<Path> archivedReceipt(InboxFile file, String fileId) throws IOException {
        String archivedName = fileId + "-" + InboxLayout.receiptName(file.name());
        Path archive = layout.archive(file.participantId());
        if (!Files.isDirectory(archive)) {
            return Optional.empty();
        }
        try (Stream<Path> days = Files.list(archive)) {
            return days.map(day -> day.resolve(archivedName)).filter(Files::isRegularFile).findFirst();
        }
    }

    private void deliverReceipt(InboxFile file, Path staged) throws IOException {
        deliverReceipt(file, staged, staged.getFileName().toString());
    }

    /** The receipt replaces any earlier one of the same name in receipts/, in one step (never half-written). */
    private void deliverReceipt(InboxFile file, Path source, String receiptName) throws IOException {
        Path target = layout.receipts(file.participantId()).resolve(receiptName);
        Path temporary = target.resolveSibling(InboxLayout.fitted("." + receiptName, ".part"));
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The processed file and its receipt move to archive/<participant>/<date>/<id>-<name>. */
    private void archive(InboxFile file, Path taken, String fileId) throws IOException {
        Path day = layout.archive(file.participantId()).resolve(LocalDate.now(zone).toString());
        Files.createDirectories(day);
        Path workDir = taken.getParent();
        try (var entries = Files.list(workDir)) {
            for (Path entry : entries.collect(Collectors.toList())) {
                Files.move(entry, day.resolve(InboxLayout.fitted(fileId + "-" + entry.getFileName(), "")),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(workDir);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
