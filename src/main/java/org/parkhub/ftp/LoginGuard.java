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
import org.parkhub.guard.GuessThrottle;

/**
 * Slows password guessing over FTP across connections (the server itself only delays a wrong password and drops
 * a connection after a few): a participant with too many wrong passwords from one address is turned away there
 * (421) until its lockout has passed, even with the right one; an address slowed for guessing gets one password
 * check per pace.
 */
final class LoginGuard extends DefaultFtplet {

    private static final String LOGIN_USER = "parkhub.login-user";

    private final GuessThrottle guesses;

    LoginGuard(GuessThrottle guesses) {
        this.guesses = guesses;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        if (!"PASS".equalsIgnoreCase(request.getCommand())) {
            return FtpletResult.DEFAULT;
        }
        String address = address(session);
        // a failed PASS clears the user's name from the session before afterCommand sees it
        session.setAttribute(LOGIN_USER, session.getUserArgument());
        Optional<Duration> locked = guesses.lockedFor(account(session), address);
        if (locked.isPresent()) {
            return refuse(session, "too many wrong passwords for " + session.getUserArgument() + " from this address",
                    locked.get());
        }
        try {
            guesses.takeTurn(address);
        } catch (GuessThrottle.Slowed slowed) {
            return refuse(session, "too many wrong passwords from this address", slowed.retryAfter());
        }
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
        if ("PASS".equalsIgnoreCase(request.getCommand())) {
            if (reply.getCode() == FtpReply.REPLY_530_NOT_LOGGED_IN) {
                guesses.failed(account(session), address(session));
            } else if (reply.getCode() == FtpReply.REPLY_230_USER_LOGGED_IN) {
                guesses.succeeded(account(session), address(session));
            }
        }
        return FtpletResult.DEFAULT;
    }

    private GuessThrottle.Account account(FtpSession session) {
        Object user = session.getAttribute(LOGIN_USER);
        return user == null ? null : guesses.participant(user.toString());
    }

    private static FtpletResult refuse(FtpSession session, String why, Duration wait) throws FtpException {
        session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                why + "; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s"));
        return FtpletResult.DISCONNECT;
    }

    private static String address(FtpSession session) {
        InetSocketAddress client = session.getClientAddress();
        return client != null && client.getAddress() != null ? client.getAddress().getHostAddress() : "unknown";
    }
}
