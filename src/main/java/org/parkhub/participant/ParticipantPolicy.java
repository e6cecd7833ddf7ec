package org.parkhub.participant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.guard.OutboundTargets;

/**
 * What the park's own settings allow a participant beyond its form: where its webhook may point and where its
 * {@code file:} sources may lie. Checked when an administrator sets a participant, and again before the hub
 * polls or sends (a participant stored earlier, or by the seed file, meets them there).
 */
public record ParticipantPolicy(OutboundTargets targets, List<Path> sourceRoots) {

    public ParticipantPolicy {
        sourceRoots = List.copyOf(sourceRoots);
    }

    public List<String> problems(Participant participant) {
        List<String> problems = new ArrayList<>();
        if (participant.delivery().webhook()) {
            targets.targetProblem(participant.delivery().url()).ifPresent(problems::add);
        }
        participant.sources().forEach(source -> source.outsideRoots(sourceRoots).ifPresent(problems::add));
        return problems;
    }
}
