package org.parkhub.ftp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.ingest.file.InboxEvent;
import org.parkhub.ingest.file.InboxFile;
import org.parkhub.ingest.file.InboxLayout;

/**
 * Tells the hub when a file in an inbox is complete, from the FTP server's own view of the upload: its start
 * is recorded (so a crash mid-upload is recognised later), its end hands the file on, or reports it
 * incomplete when the transfer failed. A file renamed into an inbox counts as uploaded.
 */
final class UploadListener extends DefaultFtplet {

    private static final Set<String> UPLOADS = Set.of("STOR", "APPE");
    private static final Set<Integer> TRANSFER_COMPLETE = Set.of(226, 250);

    private final InboxLayout layout;
    private final InboundFiles files;
    private final Consumer<InboxEvent> events;
    private final long maxUploadBytes;

    UploadListener(InboxLayout layout, InboundFiles files, Consumer<InboxEvent> events, long maxUploadBytes) {
        this.layout = layout;
        this.files = files;
        this.events = events;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public FtpletResult onUploadStart(FtpSession session, FtpRequest request) throws FtpException {
        started(session, request);
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onAppendStart(FtpSession session, FtpRequest request) throws FtpException {
        started(session, request);
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply)
            throws FtpException, IOException {
        String command = request.getCommand().toUpperCase();
        if (UPLOADS.contains(command)) {
            Optional<Path> path = physical(session, request.getArgument());
            Optional<InboxFile> file = path.flatMap(layout::inboxFile);
            if (file.isPresent()) {
                files.uploadEnded(path.get().toString());
                events.accept(TRANSFER_COMPLETE.contains(reply.getCode()) ? InboxEvent.uploaded(file.get())
                        : InboxEvent.incomplete(file.get(), failure(path.get(), reply)));
            }
        } else if ("RNTO".equals(command) && reply.getCode() == 250) {
            physical(session, request.getArgument()).flatMap(layout::inboxFile)
                    .ifPresent(file -> events.accept(InboxEvent.uploaded(file)));
        }
        return FtpletResult.DEFAULT;
    }

    /** Why an upload failed, as its receipt says it: the server's own reply says only that writing stopped. */
    private String failure(Path path, FtpReply reply) {
        if (path.toFile().length() == maxUploadBytes) { // CappedOutputStream stops a file exactly there
            return "the file is larger than the park's upload limit of " + maxUploadBytes / (1024 * 1024)
                    + " MB: split it, or ask the park to raise parkhub.ftp.max-upload-mb";
        }
        return "the transfer failed: " + reply.getCode() + " " + reply.getMessage();
    }

    private void started(FtpSession session, FtpRequest request) throws FtpException {
        Optional<Path> path = physical(session, request.getArgument());
        if (path.flatMap(layout::inboxFile).isPresent()) {
            files.uploadStarted(path.get().toString(), session.getUser().getName());
        }
    }

    private static Optional<Path> physical(FtpSession session, String argument) throws FtpException {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        Object physical = session.getFileSystemView().getFile(argument).getPhysicalFile();
        return physical instanceof File f ? Optional.of(f.toPath().toAbsolutePath().normalize()) : Optional.empty();
    }
}
