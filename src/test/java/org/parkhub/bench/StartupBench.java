package org.parkhub.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parkhub.support.ChildJvm;
import org.parkhub.support.RunningHub;

/**
 * Start-up time: from launching the JVM until it prints that it is ready, for the hub (`parkhub ready`, a restart
 * on its data dir: the first start, which creates the database and the broker journal, is reported apart) and for
 * a bare Camel Main hello-world on the same class path and JVM options. Medians of the runs.
 */
final class StartupBench {

    private static final List<String> JVM = List.of("-Xmx512m", "-Dlogback.configurationFile=src/main/resources/logback.xml");

    record Result(double firstStartMillis, List<Double> hubMillis, List<Double> bareMillis) {
        double hubMedian() {
            return median(hubMillis);
        }

        double bareMedian() {
            return median(bareMillis);
        }
    }

    private StartupBench() {
    }

    static Result run(int runs, Path work) throws Exception {
        Path data = work.resolve("data").toAbsolutePath();
        List<String> hub = new ArrayList<>(JVM);
        hub.addAll(List.of("-Dparkhub.data-dir=" + data, "-Dparkhub.http.port=" + RunningHub.freePort(),
                "-Dparkhub.ftp.port=" + RunningHub.freePort(), "-Dparkhub.ftp.host=127.0.0.1",
                "-Dparkhub.broker.port=" + RunningHub.freePort()));
        double first = timeToReady(ChildJvm.command(hub, "org.parkhub.platform.ParkHub"), "parkhub ready");
        List<Double> hubTimes = new ArrayList<>();
        List<Double> bareTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // alternated, so that whatever else the machine does falls on both alike
            hubTimes.add(timeToReady(ChildJvm.command(hub, "org.parkhub.platform.ParkHub"), "parkhub ready"));
            bareTimes.add(timeToReady(ChildJvm.command(JVM, HelloCamel.class.getName()), HelloCamel.READY));
        }
        return new Result(first, hubTimes, bareTimes);
    }

    /** Launches the command, reads its output until the line, then stops it (SIGTERM) and waits for it to end. */
    private static double timeToReady(List<String> command, String readyLine) throws Exception {
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(readyLine)) {
                    double millis = (System.nanoTime() - launched) / 1e6;
                    process.destroy();
                    drain(out);
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("it did not stop: " + command);
                    }
                    return millis;
                }
            }
            throw new IllegalStateException("it ended without saying \"" + readyLine + "\": " + command);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Reads what it still says while it stops (a full pipe would block it); once it has ended, the JDK closes the pipe. */
    private static void drain(BufferedReader out) {
        try {
            out.transferTo(Writer.nullWriter());
        } catch (IOException ended) {
            // the process has ended
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
