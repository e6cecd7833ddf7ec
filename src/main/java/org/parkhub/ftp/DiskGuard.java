package org.parkhub.ftp;

import java.util.Optional;
import java.util.Set;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.parkhub.guard.DataDisk;

/** While the data disk is full an upload is refused before it starts (452), so a clerk knows to send it later. */
final class DiskGuard extends DefaultFtplet {

    private static final Set<String> UPLOADS = Set.of("STOR", "APPE", "STOU");

    private final DataDisk disk;

    DiskGuard(DataDisk disk) {
        this.disk = disk;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        if (!UPLOADS.contains(request.getCommand().toUpperCase())) {
            return FtpletResult.DEFAULT;
        }
        Optional<String> full = disk.full();
        if (full.isEmpty()) {
            return FtpletResult.DEFAULT;
        }
        session.write(new DefaultFtpReply(FtpReply.REPLY_452_REQUESTED_ACTION_NOT_TAKEN,
                full.get() + "; the file was not taken: send it again later"));
        return FtpletResult.SKIP;
    }
}
