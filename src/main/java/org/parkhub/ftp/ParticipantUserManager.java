package org.parkhub.ftp;

import java.util.List;

import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * FTP accounts are the participants: user = participant id, password checked against its stored hash,
 * home = its folder under the data dir. No anonymous access; accounts are managed as participants, not here.
 */
final class ParticipantUserManager implements UserManager {

    private static final int MAX_LOGINS = 10;

    private final ParticipantDirectory participants;
    private final CredentialCheck credentials;
    private final InboxLayout layout;

    ParticipantUserManager(ParticipantDirectory participants, CredentialCheck credentials, InboxLayout layout) {
        this.participants = participants;
        this.credentials = credentials;
        this.layout = layout;
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (authentication instanceof UsernamePasswordAuthentication login) {
            return credentials.byIdAndFtpPassword(login.getUsername(), login.getPassword())
                    .map(this::user)
                    .orElseThrow(() -> new AuthenticationFailedException("authentication failed"));
        }
        throw new AuthenticationFailedException("log in with your participant id and FTP password");
    }

    @Override
    public User getUserByName(String name) {
        return participants.byId(name).map(this::user).orElse(null);
    }

    @Override
    public String[] getAllUserNames() {
        return participants.all().stream().map(Participant::id).sorted().toArray(String[]::new);
    }

    @Override
    public boolean doesExist(String name) {
        return participants.byId(name).isPresent();
    }

    @Override
    public void delete(String name) {
        throw new UnsupportedOperationException("FTP accounts are participants: manage them as participants");
    }

    @Override
    public void save(User user) {
        throw new UnsupportedOperationException("FTP accounts are participants: manage them as participants");
    }

    @Override
    public String getAdminName() {
        return null;
    }

    @Override
    public boolean isAdmin(String name) {
        return false;
    }

    private User user(Participant participant) {
        BaseUser user = new BaseUser();
        user.setName(participant.id());
        user.setHomeDirectory(layout.home(participant.id()).toString());
        user.setEnabled(true);
        user.setMaxIdleTime(300);
        user.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(MAX_LOGINS, MAX_LOGINS)));
        return user;
    }
}
