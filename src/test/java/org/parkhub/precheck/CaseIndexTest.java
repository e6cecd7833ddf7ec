package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Journaled;
import org.parkhub.journal.TestDatabases;
import org.parkhub.model.CaseState;
import org.parkhub.model.Channel;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.PrecheckFinding.Severity;
import org.parkhub.model.PrecheckResult;
import org.parkhub.participant.Participant;

/**
 * The customs cases as their results leave them, on both databases: listed with those that need attention first,
 * counted by state, and each error rule (and customs' rejection) counted once per case and day for the compliance
 * summary; a result like the last one changes nothing.
 */
class CaseIndexTest {

    static final String SCHEMA = "parkhub_case_index_test_" + UUID.randomUUID().toString().substring(0, 8);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime DAY1 = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");
    static final OffsetDateTime DAY2 = DAY1.plusDays(1);
    static final String EBP = "3301960ABC";

    @TempDir
    static Path h2Dir;

    static Stream<String> databases() {
        return TestDatabases.names();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        TestDatabases.drop(SCHEMA);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void casesAreListedCountedAndTheirRulesTalliedOncePerDay(String database) throws Exception {
        try (HikariDataSource dataSource = TestDatabases.open(database, h2Dir, SCHEMA)) {
            CaseIndex index = new CaseIndex(dataSource, ZONE);
            String a = "ORD-IDX-A-" + database;
            String b = "ORD-IDX-B-" + database;

            keep(dataSource, index, DAY1, result(a, CaseState.MISMATCH, error("3DOC-2"), warning("3DOC-4")));
            keep(dataSource, index, DAY1.plusMinutes(5), result(b, CaseState.MATCHED));
            keep(dataSource, index, DAY1.plusMinutes(10), result(a, CaseState.MISMATCH, error("3DOC-2"), error("TAX")));
            // cleared and found again the same day: still one case for that day
            keep(dataSource, index, DAY1.plusMinutes(20), result(a, CaseState.MATCHED));
            keep(dataSource, index, DAY1.plusMinutes(30), result(a, CaseState.MISMATCH, error("3DOC-2")));
            keep(dataSource, index, DAY2, result(a, CaseState.REJECTED, error("3DOC-2")));

            assertThat(index.compliance(DAY1.toLocalDate())).filteredOn(t -> t.ebpCode().equals(EBP))
                    .extracting(CaseIndex.Tally::day, CaseIndex.Tally::rule, CaseIndex.Tally::cases)
                    .containsExactly(
                            tuple(LocalDate.parse("2026-12-08"), "REJECTED", 1L),
                            tuple(LocalDate.parse("2026-12-07"), "3DOC-2", 1L),
                            tuple(LocalDate.parse("2026-12-07"), "TAX", 1L));
            assertThat(index.compliance(DAY2.toLocalDate())).extracting(CaseIndex.Tally::rule).containsExactly("REJECTED");

            assertThat(index.list(Optional.empty(), EBP, 10)).extracting(CaseIndex.Row::orderNo, CaseIndex.Row::state)
                    .containsExactly(tuple(a, CaseState.REJECTED), tuple(b, CaseState.MATCHED));
            assertThat(index.list(Optional.of(CaseState.MATCHED), null, 10)).extracting(CaseIndex.Row::orderNo)
                    .containsExactly(b);
            CaseIndex.Row rejected = index.list(Optional.of(CaseState.REJECTED), EBP, 10).get(0);
            assertThat(rejected.rules()).containsExactly("3DOC-2");
            assertThat(rejected.firstAt()).isEqualTo(DAY1.toInstant().atOffset(rejected.firstAt().getOffset()));
            assertThat(index.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(CaseState.REJECTED, 1L,
                    CaseState.MATCHED, 1L));
            assertThat(index.knows(EBP, a)).isTrue();
            assertThat(index.knows(EBP, "ORD-IDX-NONE")).isFalse();

            // the same result again is a duplicate: the case keeps its time
            Journaled again = keep(dataSource, index, DAY2.plusHours(1), result(a, CaseState.REJECTED, error("3DOC-2")));
            assertThat(again.disposition()).isEqualTo(Journaled.Disposition.DUPLICATE);
            assertThat(index.list(Optional.of(CaseState.REJECTED), EBP, 10).get(0).updatedAt().toInstant())
                    .isEqualTo(DAY2.toInstant());
        }
    }

    private static Journaled keep(HikariDataSource dataSource, CaseIndex index, OffsetDateTime at, PrecheckResult result) {
        Journal journal = new Journal(dataSource, Clock.fixed(at.toInstant(), ZONE), ZONE);
        return journal.accept(Participant.HUB, Channel.HUB, List.of(new Incoming(result, "test")), index::journaled)
                .get(0);
    }

    private static PrecheckResult result(String orderNo, CaseState state, PrecheckFinding... findings) {
        return new PrecheckResult(EBP, orderNo, state, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(findings));
    }

    private static PrecheckFinding error(String rule) {
        return new PrecheckFinding(rule, Severity.ERROR, rule + " found", "a", "1", "b", "2");
    }

    private static PrecheckFinding warning(String rule) {
        return new PrecheckFinding(rule, Severity.WARNING, rule + " found", null, null, null, null);
    }
}
