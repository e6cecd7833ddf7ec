package org.parkhub.ingest.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;

/** Checks (at start-up, and when an administrator assigns one) that every profile a participant names exists and reads the type of its folder. */
public final class ProfileAssignments {

    private ProfileAssignments() {
    }

    public static void check(Collection<Participant> participants, CsvProfiles profiles) {
        for (Participant participant : participants) {
            List<String> problems = problems(participant.profiles(), profiles);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(participant.id() + ": " + String.join("; ", problems));
            }
        }
    }

    /** What is wrong with profile assignments (folder to profile): empty when each names a profile of its folder's type. */
    public static List<String> problems(Map<String, String> assignments, CsvProfiles profiles) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> assignment : assignments.entrySet()) {
            Optional<InboxLayout.Folder> folder = InboxLayout.Folder.byName(assignment.getKey());
            Optional<CsvProfile> profile = profiles.byName(assignment.getValue());
            if (folder.isEmpty()) {
                problems.add("profiles: '" + assignment.getKey() + "' is not an inbox folder");
            } else if (profile.isEmpty()) {
                problems.add("CSV profile '" + assignment.getValue() + "' does not exist under config/profiles");
            } else if (folder.get().type().isEmpty() || folder.get().type().get() != profile.get().type()) {
                problems.add("profile " + profile.get().name() + " reads " + profile.get().type().path() + ", but folder "
                        + folder.get().folderName() + " takes " + folder.get().type().map(MessageType::path).orElse("customs XML"));
            }
        }
        return problems;
    }
}
