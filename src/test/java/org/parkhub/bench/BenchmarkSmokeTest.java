package org.parkhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark in miniature in every build, so that the command never rots: every part runs and measures. */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyPartRunsAndMeasures() throws Exception {
        BenchSettings settings = BenchSettings.smoke(work);
        BenchReport report = Benchmark.run(settings);
        System.out.println(report.markdown());

        assertThat(report.csv().journaled()).isEqualTo(settings.csvRows());
        assertThat(report.csv().delivered()).isEqualTo(settings.csvRows());
        assertThat(report.textbook().inserted()).isEqualTo(settings.textbookRows());
        assertThat(report.textbook().delivered()).isEqualTo(settings.textbookRows());
        assertThat(report.bare().rows()).isEqualTo(settings.csvRows());
        assertThat(report.rest().orders().requests()).isPositive();
        assertThat(report.rest().orders().errors()).isZero();
        assertThat(report.rest().bare().requests()).isPositive();
        assertThat(report.csv().hubCpuSeconds()).isPositive();
        assertThat(report.rest().orders().hubCpuSeconds()).isPositive();
        assertThat(report.rest().bare().hubCpuSeconds()).isPositive();
        assertThat(report.fanout().deliveries()).isEqualTo((long) settings.fanoutMessages() * settings.fanoutRecipients());
        assertThat(report.fanout().badSignatures()).isZero();
        assertThat(report.memory().completed()).as(report.memory().summary()).isTrue();
        assertThat(report.memory().peakRssBytes()).isPositive();
        assertThat(report.memory().copiesRead()).as("the merchant read its copies meanwhile").isPositive();
        assertThat(report.startup().hubMedian()).isPositive();
        assertThat(report.startup().bareMedian()).isPositive();
        assertThat(report.markdown()).contains("rows/s", "requests/s", "hub CPU time per", "deliveries/s", "peak RSS", "ms to ready");
    }
}
