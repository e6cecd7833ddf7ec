package org.parkhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.ChildHub;

/**
 * Single-order POSTs from concurrent clients (each with its own keep-alive connection) for a fixed time after a
 * warm-up, against the hub (its own JVM), side by side with a bare platform-http route on the same server that
 * answers 202 without any work. Latency is measured per request from send to the whole answer.
 */
final class RestBench {

    private static final String BARE_ROUTE = """
            # the benchmark's bare route: platform-http on the hub's server, 202 and no work
            - route:
                id: bench-bare
                from:
                  uri: platform-http:/bench/bare
                  parameters:
                    httpMethodRestrict: POST
                  steps:
                    - setHeader:
                        name: CamelHttpResponseCode
                        constant: 202
                    - setBody:
                        constant: ""
            """;

    /**
     * Answers per second, their latency percentiles in milliseconds, the answers that were not 202, and the hub's
     * CPU time (all threads) in the measured time.
     */
    record Result(long requests, long errors, double seconds, double p50, double p99, double p999,
                  double hubCpuSeconds) {
        double perSecond() {
            return requests / seconds;
        }

        /** The hub's CPU time per answer in milliseconds: its work in the measured time, the routing behind it too. */
        double hubCpuMillisPerRequest() {
            return hubCpuSeconds * 1000 / requests;
        }
    }

    record Results(Result bare, Result orders) {
    }

    private RestBench() {
    }

    static Results run(BenchSettings settings, Path work, List<String> hubOptions) throws Exception {
        Path bareRoute = Files.createDirectories(work).resolve("bench-bare.camel.yaml");
        Files.writeString(bareRoute, BARE_ROUTE);
        List<String> options = new ArrayList<>(hubOptions);
        options.add("-Dcamel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + bareRoute.toAbsolutePath());
        // the per-firm rate limit protects a park from one firm; here it would only measure itself
        options.add("-Dparkhub.http.rate-limit.per-second=1000000");
        options.add("-Dparkhub.http.rate-limit.burst=1000000");
        ChildHub hub = new ChildHub(work.resolve("data"), options);
        hub.start();
        try {
            // the bare route first: the orders leave routing work behind them
            Result bare = drive(settings, hub, hub.url("/bench/bare"), () -> "{}");
            ParkFixtures fixtures = new ParkFixtures(settings.seed());
            Result orders = drive(settings, hub, hub.url("/api/v1/messages/order"), () -> {
                synchronized (fixtures) {
                    return CanonicalMapper.toJson(fixtures.transaction().order());
                }
            });
            return new Results(bare, orders);
        } finally {
            hub.stop();
        }
    }

    private static Result drive(BenchSettings settings, ChildHub hub, URI target, Supplier<String> bodies)
            throws Exception {
        long warmUpEnds = System.nanoTime() + settings.restWarmUp().toNanos();
        long ends = warmUpEnds + settings.restTime().toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(settings.restClients());
        ScheduledExecutorService meter = Executors.newSingleThreadScheduledExecutor();
        try {
            // the hub's CPU time read when the measured time begins and ends
            ScheduledFuture<Duration> cpuAtStart = meter.schedule(() -> ProcessCpu.used(hub.process()),
                    warmUpEnds - System.nanoTime(), TimeUnit.NANOSECONDS);
            ScheduledFuture<Duration> cpuAtEnd = meter.schedule(() -> ProcessCpu.used(hub.process()),
                    ends - System.nanoTime(), TimeUnit.NANOSECONDS);
            List<Future<Client>> running = new ArrayList<>();
            for (int i = 0; i < settings.restClients(); i++) {
                running.add(clients.submit(() -> new Client(target, bodies).runUntil(warmUpEnds, ends)));
            }
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            long errors = 0;
            for (Future<Client> client : running) {
                Client done = client.get();
                latency.add(done.latency);
                errors += done.errors;
            }
            return new Result(latency.getTotalCount(), errors, settings.restTime().toNanos() / 1e9,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getValueAtPercentile(99.9) / 1000.0, cpuAtEnd.get().minus(cpuAtStart.get()).toNanos() / 1e9);
        } finally {
            clients.shutdownNow();
            meter.shutdownNow();
        }
    }

    /** One client: a request at a time on its own connection; counts only what is answered in the measured time. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI target;
        private final Supplier<String> bodies;
        private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        private long errors;

        Client(URI target, Supplier<String> bodies) {
            this.target = target;
            this.bodies = bodies;
        }

        Client runUntil(long warmUpEnds, long ends) throws Exception {
            while (true) {
                HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer phk_demoplat01_demo-key-plat-01")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
                long sent = System.nanoTime();
                if (sent >= ends) {
                    return this;
                }
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (sent >= warmUpEnds && answered < ends) {
                    if (answer.statusCode() == 202) {
                        latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(answered - sent),
                                latency.getHighestTrackableValue()));
                    } else {
                        errors++;
                    }
                }
            }
        }
    }
}
