package org.parkhub.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parkhub.journal.TrafficLog;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/** Decides which alerts hold, from one snapshot of the hub's state; no I/O, so every rule is tested alone. */
public final class AlertRules {

    /**
     * What the rules look at, read once per check; {@code failedSources}: remote sources left out, by route, and why;
     * {@code stuckDeclarations}: the states declarations have overstayed, by state, and how.
     */
    public record Snapshot(OffsetDateTime now, Collection<Participant> participants,
                           Map<String, Map<String, OffsetDateTime>> lastActivity, Map<String, TrafficLog.Totals> lastHour,
                           Map<String, Long> deadLetters, Map<String, Long> backlog, long freeDiskBytes,
                           Map<String, String> failedSources, Map<String, String> stuckDeclarations) {
    }

    private final AlertSettings settings;
    private final long minFreeDiskBytes;

    public AlertRules(AlertSettings settings, long minFreeDiskBytes) {
        this.settings = settings;
        this.minFreeDiskBytes = minFreeDiskBytes;
    }

    /** The alerts that hold; {@code since} is the snapshot's time (the monitor keeps the first one). */
    public List<Alert> evaluate(Snapshot s) {
        List<Alert> alerts = new ArrayList<>();
        for (Participant p : s.participants()) {
            if (!p.hasRole(Role.ADMIN)) {
                silence(s, p).ifPresent(alerts::add);
            }
            TrafficLog.Totals hour = s.lastHour().get(p.id());
            if (hour != null && hour.accepted() + hour.rejected() >= settings.minMessages()
                    && hour.rejectionRate() > settings.maxRejectionRate()) {
                alerts.add(new Alert(Alert.Kind.REJECTION_RATE, p.id(), String.format("%d of %d messages rejected in the last"
                        + " hour (%.0f%%, limit %.0f%%)", hour.rejected(), hour.accepted() + hour.rejected(),
                        hour.rejectionRate() * 100, settings.maxRejectionRate() * 100), s.now()));
            }
        }
        s.deadLetters().forEach((recipient, count) -> {
            if (count > 0) {
                alerts.add(new Alert(Alert.Kind.DEAD_LETTERS, recipient, count + " dead letters wait for replay or discard",
                        s.now()));
            }
        });
        s.backlog().forEach((recipient, count) -> {
            if (count > settings.maxBacklog()) {
                alerts.add(new Alert(Alert.Kind.BACKLOG, recipient, count + " copies waiting (limit " + settings.maxBacklog()
                        + ")", s.now()));
            }
        });
        s.failedSources().forEach((source, why) -> alerts.add(new Alert(Alert.Kind.SOURCE_FAILED, source, why, s.now())));
        s.stuckDeclarations().forEach((state, what) ->
                alerts.add(new Alert(Alert.Kind.DECLARATION_STUCK, state, what, s.now())));
        if (s.freeDiskBytes() < minFreeDiskBytes) {
            alerts.add(new Alert(Alert.Kind.DISK_LOW, "data", s.freeDiskBytes() / (1024 * 1024) + " MB free on the data disk"
                    + " (minimum " + minFreeDiskBytes / (1024 * 1024) + " MB)", s.now()));
        }
        alerts.sort(Comparator.comparing(Alert::key));
        return alerts;
    }

    /** A firm that sent before and has been silent longer than its limit (none for a firm that never sent). */
    private Optional<Alert> silence(Snapshot s, Participant p) {
        Duration limit = settings.silenceOf().getOrDefault(p.id(), settings.silence());
        Map<String, OffsetDateTime> channels = s.lastActivity().get(p.id());
        if (limit.isZero() || channels == null || channels.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime last = channels.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        // counts are kept per minute: the last message came at most a minute after its minute began
        if (last.plusMinutes(1).plus(limit).isAfter(s.now())) {
            return Optional.empty();
        }
        return Optional.of(new Alert(Alert.Kind.SILENT_FIRM, p.id(), "nothing received since " + last
                + " (limit " + limit.toMinutes() + " min)", s.now()));
    }
}
