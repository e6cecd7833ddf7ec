package org.parkhub.ftp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.parkhub.platform.GuessThrottle;

/**
 * Slows password guessing over FTP across connections: the server itself only delays a wrong password and
 * drops a connection after a few; a client address with too many wrong passwords is turned away (421) until
 * its lockout has passed, even with the right one.
 */
final class LoginGuard extends DefaultFtplet {

    private final GuessThrottle guesses;

    LoginGuard(GuessThrottle guesses) {
        this.guesses = guesses;
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws FtpException {
        return refuseIfLocked(session);
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        return "PASS".equalsIgnoreCase(request.getCommand()) ? refuseIfLocked(session) : FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
        if ("PASS".equalsIgnoreCase(request.getCommand()) && reply.getCode() == FtpReply.REPLY_530_NOT_LOGGED_IN) {
            guesses.failed(address(session));
        }
        return FtpletResult.DEFAULT;
    }

    private FtpletResult refuseIfLocked(FtpSession session) throws FtpException {
        Optional<Duration> locked = guesses.lockedFor(address(session));
        if (locked.isEmpty()) {
            return FtpletResult.DEFAULT;
        }
        session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                "too many wrong passwords from this address; try again in " + Math.max(1, locked.get().toSeconds()) + " s"));
        return FtpletResult.DISCONNECT;
    }

    private static String address(FtpSession session) {
        InetSocketAddress client = session.getClientAddress();
        return client != null && client.getAddress() != null ? client.getAddress().getHostAddress() : "unknown";
    }
}
