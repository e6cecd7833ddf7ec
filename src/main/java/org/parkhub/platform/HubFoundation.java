package org.parkhub.platform;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.parkhub.guard.DataDisk;
import org.parkhub.journal.TrafficLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage's wiring uses: the settings, the park's clock, the database, the metrics, the data disk, and the
 * Camel context to bind beans in and to start and stop services with. Services are stopped in the reverse order
 * they were added, after the routes.
 */
final class HubFoundation {

    private static final Logger LOG = LoggerFactory.getLogger(HubFoundation.class);
    /** The name under which camel-micrometer-prometheus keeps the registry it serves. */
    private static final String METRICS_REGISTRY = "metricsRegistry";
    /** How often the embedded database's half-empty chunks are looked at (see EmbeddedStoreCompaction). */
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(1);

    final CamelContext context;
    final HubSettings settings;
    final Clock clock;
    final HikariDataSource dataSource;
    final MeterRegistry meters;
    final TrafficLog traffic;
    final HubMetrics metrics;
    final DataDisk disk;

    HubFoundation(CamelContext context, HubSettings settings) throws Exception {
        this.context = context;
        this.settings = settings;
        Files.createDirectories(settings.dataDir());
        clock = Clock.system(settings.timeZone());
        dataSource = Database.open(settings);
        closeWithContext("database", dataSource::close);
        LOG.info("database: {}", Database.describe(settings));
        EmbeddedStoreCompaction compaction = null;
        if (settings.database().embedded()) {
            compaction = EmbeddedStoreCompaction.start(dataSource, COMPACTION_INTERVAL);
            closeWithContext("database compaction", compaction::close);
        }
        // the hub's metrics join Camel's (routes, JVM) in the registry scraped at /observe/metrics
        MeterRegistry registered = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        if (registered == null) {
            registered = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            bind(METRICS_REGISTRY, registered);
        }
        meters = registered;
        traffic = new TrafficLog(dataSource, clock);
        bind("trafficLog", traffic);
        closeWithContext("traffic counts", traffic::flush); // stopped before the database: the last counts land
        metrics = new HubMetrics(meters, traffic);
        if (compaction != null) {
            metrics.watchEmbeddedDatabase(compaction);
        }
        disk = new DataDisk(settings.dataDir(), settings.minFreeDiskMb() * 1024 * 1024);
    }

    /** A bean the YAML routes (or another stage, by name) refer to. */
    void bind(String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    /** Starts a service with the Camel context (so it may use it) and stops it with the context. */
    void startWithContext(String name, Starter starter) throws Exception {
        context.addService(new ServiceSupport() {
            private Closer closer;

            @Override
            protected void doStart() throws Exception {
                closer = starter.start();
            }

            @Override
            protected void doStop() throws Exception {
                if (closer != null) {
                    closer.close();
                }
            }

            @Override
            public String toString() {
                return "parkhub " + name;
            }
        }, true, false);
    }

    /** Stops a service after the routes, when the Camel context shuts down. */
    void closeWithContext(String name, Closer closer) throws Exception {
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                closer.close();
            }

            @Override
            public String toString() {
                return "parkhub " + name;
            }
        }, true, true);
    }

    @FunctionalInterface
    interface Starter {
        Closer start() throws Exception;
    }

    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }
}
