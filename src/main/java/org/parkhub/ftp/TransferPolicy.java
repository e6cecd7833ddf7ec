package org.parkhub.ftp;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * Transfer modes the hub does not take: {@code MODE Z} (deflate) would let a small upload unpack into a file far
 * past the upload limit before anything counts it; exports are sent as they are (stream mode).
 */
final class TransferPolicy extends DefaultFtplet {

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        if ("MODE".equalsIgnoreCase(request.getCommand()) && !"S".equalsIgnoreCase(String.valueOf(request.getArgument()).trim())) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_504_COMMAND_NOT_IMPLEMENTED_FOR_THAT_PARAMETER,
                    "only MODE S: send files as they are"));
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }
}
