package org.parkhub.ingest.csv;

import java.util.Collection;
import java.util.Map;

import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;

/** Checks at start-up that every profile a participant names exists and reads the type of its folder. */
public final class ProfileAssignments {

    private ProfileAssignments() {
    }

    public static void check(Collection<Participant> participants, CsvProfiles profiles) {
        for (Participant participant : participants) {
            for (Map.Entry<String, String> assignment : participant.profiles().entrySet()) {
                InboxLayout.Folder folder = InboxLayout.Folder.byName(assignment.getKey()).orElseThrow(() ->
                        new IllegalArgumentException(participant.id() + ": profiles: '" + assignment.getKey()
                                + "' is not an inbox folder"));
                CsvProfile profile = profiles.byName(assignment.getValue()).orElseThrow(() ->
                        new IllegalArgumentException(participant.id() + ": CSV profile '" + assignment.getValue()
                                + "' does not exist under config/profiles"));
                if (folder.type().isEmpty() || folder.type().get() != profile.type()) {
                    throw new IllegalArgumentException(participant.id() + ": profile " + profile.name() + " reads "
                            + profile.type().path() + ", but folder " + folder.folderName() + " takes "
                            + folder.type().map(MessageType::path).orElse("customs XML"));
                }
            }
        }
    }
}
