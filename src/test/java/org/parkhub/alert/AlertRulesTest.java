package org.parkhub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parkhub.journal.TrafficLog;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

class AlertRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final Participant WAREHOUSE = participant("WH-1", Role.WAREHOUSE);
    private static final Participant QUIET = participant("QUIET", Role.MERCHANT);
    private static final Participant ADMIN = participant("ADMIN", Role.ADMIN);
    private static final AlertSettings SETTINGS = new AlertSettings(Duration.ofMinutes(60),
            Map.of("QUIET", Duration.ZERO), 0.2, 10, 100, "", "");
    private static final AlertRules RULES = new AlertRules(SETTINGS, 500L * 1024 * 1024);

    private static Participant participant(String id, Role role) {
        return new Participant(id, id, Set.of(role), Map.of(), Map.of(), Delivery.defaultQueue());
    }

    private static AlertRules.Snapshot snapshot(Map<String, Map<String, OffsetDateTime>> lastActivity,
                                                Map<String, TrafficLog.Totals> lastHour, Map<String, Long> dead,
                                                Map<String, Long> backlog, long freeBytes) {
        return new AlertRules.Snapshot(NOW, List.of(WAREHOUSE, QUIET, ADMIN), lastActivity, lastHour, dead, backlog, freeBytes,
                Map.of(), Map.of());
    }

    @Test
    void eachOverstayedStateOfDeclarationsIsOneAlert() {
        AlertRules.Snapshot s = new AlertRules.Snapshot(NOW, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Long.MAX_VALUE,
                Map.of(), Map.of("INSPECTION", "3 declarations INSPECTION longer than 1440 min; the longest: COP1 since ..."));
        assertThat(RULES.evaluate(s)).extracting(Alert::kind, Alert::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.DECLARATION_STUCK, "INSPECTION"));
    }

    @Test
    void aQuietHubWithRoomHasNoAlerts() {
        assertThat(RULES.evaluate(snapshot(Map.of("WH-1", Map.of("ftp", NOW.minusMinutes(5))),
                Map.of("WH-1", new TrafficLog.Totals(100, 5)), Map.of(), Map.of("WH-1", 100L), 600L * 1024 * 1024))).isEmpty();
    }

    @Test
    void aFirmSilentBeyondItsLimitIsAnAlertButNotOneThatNeverSentOrIsExemptOrAdministers() {
        List<Alert> alerts = RULES.evaluate(snapshot(Map.of(
                        "WH-1", Map.of("ftp", NOW.minusMinutes(90), "rest", NOW.minusMinutes(62)),
                        "QUIET", Map.of("ftp", NOW.minusDays(2)),
                        "ADMIN", Map.of("rest", NOW.minusDays(2))),
                Map.of(), Map.of(), Map.of(), Long.MAX_VALUE));
        assertThat(alerts).extracting(Alert::kind, Alert::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.SILENT_FIRM, "WH-1"));
        // within the limit once the minute's length is allowed for
        assertThat(RULES.evaluate(snapshot(Map.of("WH-1", Map.of("ftp", NOW.minusMinutes(60))), Map.of(), Map.of(),
                Map.of(), Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void rejectionRateCountsOnlyOnceEnoughMessagesCame() {
        assertThat(RULES.evaluate(snapshot(Map.of(), Map.of("WH-1", new TrafficLog.Totals(3, 5)), Map.of(), Map.of(),
                Long.MAX_VALUE))).as("8 messages are too few").isEmpty();
        List<Alert> alerts = RULES.evaluate(snapshot(Map.of(), Map.of("WH-1", new TrafficLog.Totals(30, 10)), Map.of(),
                Map.of(), Long.MAX_VALUE));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.REJECTION_RATE);
            assertThat(a.detail()).contains("10 of 40").contains("25%");
        });
    }

    @Test
    void deadLettersBacklogAndDiskEachRaiseTheirOwn() {
        List<Alert> alerts = RULES.evaluate(snapshot(Map.of(), Map.of(), Map.of("WH-1", 2L, "QUIET", 0L),
                Map.of("QUIET", 101L, "WH-1", 100L), 100L * 1024 * 1024));
        assertThat(alerts).extracting(Alert::key)
                .containsExactly("BACKLOG/QUIET", "DEAD_LETTERS/WH-1", "DISK_LOW/data");
        assertThat(alerts.get(2).detail()).contains("100 MB free").contains("500 MB");
    }
}
