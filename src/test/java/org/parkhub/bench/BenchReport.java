package org.parkhub.bench;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The figures of one benchmark run and their table, with the goals of issue 8 as ratios from the same run. A part
 * that was not run is null and left out of the table.
 */
record BenchReport(BenchSettings settings, LocalDate date, int cores,
                   CsvIngestBench.Result csv, TextbookCsvRoute.Result textbook, BareBatchedInsert.Result bare,
                   RestBench.Results rest, FanoutBench.Result fanout, MemoryBench.Result memory,
                   StartupBench.Result startup) {

    double textbookRatio() {
        return csv.rowsPerSecond() / textbook.rowsPerSecond();
    }

    double bareInsertRatio() {
        return csv.rowsPerSecond() / bare.rowsPerSecond();
    }

    double restRatio() {
        return rest.orders().perSecond() / rest.bare().perSecond();
    }

    double startupRatio() {
        return startup.hubMedian() / startup.bareMedian();
    }

    String markdown() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "parkhub benchmark, %s, %d cores, Java %s, %s %s; database: %s%n%n", date,
                cores, System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                settings.database().describe()));
        t.append("| Part | Measure | parkhub | Baseline | Ratio | Goal |\n|---|---|---|---|---|---|\n");
        if (csv != null) {
            csvRows(t);
        }
        if (rest != null) {
            restRows(t);
        }
        if (fanout != null) {
            row(t, String.format(Locale.ROOT, "Delivery fan-out: %,d orders to %d webhooks", fanout.messages(),
                    fanout.recipients()), "deliveries/s", number(fanout.deliveriesPerSecond()), "", "", "");
        }
        if (memory != null) {
            memoryRow(t);
        }
        if (startup != null) {
            row(t, "Start-up (median of " + startup.hubMillis().size() + ")", "ms to ready",
                    number(startup.hubMedian()) + " (first start " + number(startup.firstStartMillis()) + ")",
                    "Camel Main hello-world: " + number(startup.bareMedian()), ratio(startupRatio()) + "×",
                    goal(startupRatio() <= 2, "≤ 2×"));
        }
        return t.toString();
    }

    private void csvRows(StringBuilder t) {
        row(t, String.format(Locale.ROOT, "CSV ingest, %,d rows: FTP → receipt, journal, queue subscriber", csv.rows()),
                "rows/s", number(csv.rowsPerSecond()),
                String.format(Locale.ROOT, "textbook Camel route (%,d rows): %s", textbook.rows(), number(textbook.rowsPerSecond())),
                ratio(textbookRatio()) + "×", goal(textbookRatio() >= 3, "≥ 3×"));
        row(t, "", "", "", String.format(Locale.ROOT, "bare batched JDBC insert (%,d rows): %s", bare.rows(),
                number(bare.rowsPerSecond())), ratio(bareInsertRatio()), goal(bareInsertRatio() >= 0.5, "≥ 0.5"));
        row(t, "", "receipt written after", seconds(csv.receiptSeconds()), "", "", "");
        row(t, "", "hub CPU time per row", millis(csv.hubCpuMillisPerRow()), "", "", "");
    }

    private void restRows(StringBuilder t) {
        row(t, String.format(Locale.ROOT, "REST single orders, %d clients, %d s", settings.restClients(),
                        settings.restTime().toSeconds()), "requests/s", number(rest.orders().perSecond()),
                "bare platform-http 202: " + number(rest.bare().perSecond()), ratio(restRatio()),
                goal(restRatio() >= 0.5, "≥ 0.5"));
        row(t, "", "latency p50 / p99 / p99.9", latencies(rest.orders()), "bare: " + latencies(rest.bare()), "",
                goal(rest.orders().p99() <= 25, "p99 ≤ 25 ms"));
        row(t, "", "answers other than 202", String.valueOf(rest.orders().errors()), "bare: " + rest.bare().errors(), "", "");
        row(t, "", "hub CPU time per request", millis(rest.orders().hubCpuMillisPerRequest()),
                "bare: " + millis(rest.bare().hubCpuMillisPerRequest()),
                ratio(rest.orders().hubCpuMillisPerRequest() / rest.bare().hubCpuMillisPerRequest()) + "×", "");
    }

    private void memoryRow(StringBuilder t) {
        row(t, String.format(Locale.ROOT, "Memory: %,d MB CSV (%,d rows) at -Xmx%s", memory.fileBytes() / (1024 * 1024),
                        memory.rows(), memory.heap()), "completes; peak RSS",
                (memory.completed() ? "yes" : "no: " + memory.summary()) + String.format(Locale.ROOT,
                        " in %s (%s rows/s); %,d MB; the merchant read %,d copies meanwhile", seconds(memory.seconds()),
                        number(memory.rowsPerSecond()), memory.peakRssBytes() / (1024 * 1024), memory.copiesRead()),
                "", "", goal(memory.completed(), "completes"));
    }

    private static void row(StringBuilder t, String... cells) {
        t.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f ms", value);
    }

    private static String latencies(RestBench.Result r) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", r.p50(), r.p99(), r.p999());
    }

    private static String goal(boolean met, String goal) {
        return goal + (met ? " met" : " **missed**");
    }
}
