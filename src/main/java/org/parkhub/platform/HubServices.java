package org.parkhub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.parkhub.admin.AdminAccess;
import org.parkhub.admin.AdminLogin;
import org.parkhub.admin.AdminSessions;
import org.parkhub.admin.AdminUsers;
import org.parkhub.admin.AlertAdmin;
import org.parkhub.admin.AuditAdmin;
import org.parkhub.admin.AuditLog;
import org.parkhub.admin.BacklogAdmin;
import org.parkhub.admin.ConsoleAssets;
import org.parkhub.admin.CredentialAdmin;
import org.parkhub.admin.DeadLetterAdmin;
import org.parkhub.admin.FileAdmin;
import org.parkhub.admin.MessageAdmin;
import org.parkhub.admin.OverviewAdmin;
import org.parkhub.admin.ParticipantAdmin;
import org.parkhub.admin.RouteAdmin;
import org.parkhub.admin.SubscriptionAdmin;
import org.parkhub.alert.AlertMonitor;
import org.parkhub.alert.AlertRules;
import org.parkhub.delivery.Backlog;
import org.parkhub.delivery.DeadCopies;
import org.parkhub.delivery.DeliveryFormat;
import org.parkhub.delivery.DeliveryRoutes;
import org.parkhub.delivery.FtpOutbox;
import org.parkhub.delivery.QueueDepths;
import org.parkhub.delivery.WebhookDelivery;
import org.parkhub.ftp.EmbeddedFtpServer;
import org.parkhub.guard.DataDisk;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.guard.OutboundTargets;
import org.parkhub.http.ApiAuthentication;
import org.parkhub.http.ApiGate;
import org.parkhub.http.RequestRateLimits;
import org.parkhub.http.Unavailable;
import org.parkhub.ingest.BrokerIngress;
import org.parkhub.ingest.CebIngress;
import org.parkhub.ingest.IdempotencyKeys;
import org.parkhub.ingest.MessageIntake;
import org.parkhub.ingest.OpenApiDocument;
import org.parkhub.ingest.RestIngress;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.ingest.csv.ProfileAssignments;
import org.parkhub.ingest.file.FileIngress;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.ingest.file.InboxRecovery;
import org.parkhub.ingest.file.RemoteIntake;
import org.parkhub.ingest.file.RemoteSources;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;
import org.parkhub.journal.TrafficLog;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantChanges;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantPolicy;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.routing.OutboxRelay;
import org.parkhub.routing.Router;
import org.parkhub.routing.RouterConsumer;
import org.parkhub.routing.RoutingTable;
import org.parkhub.routing.SubscriptionStore;
import org.parkhub.validate.MessageValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Starts the services the routes need, in dependency order (database, participants, broker), and binds
 * the beans the YAML routes refer to. Everything started here is stopped with the Camel context.
 */
public class HubServices implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubServices.class);
    /** The route (routes/inbox.camel.yaml) that processes inbound files. */
    private static final String INBOX_QUEUE = "seda:inbox";
    /** A file that reached an inbox without an upload event is taken once it has been still this long. */
    private static final Duration INBOX_SETTLE = Duration.ofSeconds(30);
    /** The published canonical schemas, served in the OpenAPI document. */
    private static final Path SCHEMAS_DIR = Path.of("schemas/canonical");
    /** The name under which camel-micrometer-prometheus keeps the registry it serves. */
    private static final String METRICS_REGISTRY = "metricsRegistry";
    /** How often the embedded database's half-empty chunks are looked at (see EmbeddedStoreCompaction). */
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(1);

    @Override
    public void configure(CamelContext context) throws Exception {
        HubSettings settings = HubSettings.from(context);
        requireFreePorts(context, settings);
        Files.createDirectories(settings.dataDir());
        Clock clock = Clock.system(settings.timeZone());

        HikariDataSource dataSource = Database.open(settings);
        closeWithContext(context, "database", dataSource::close);
        LOG.info("database: {}", Database.describe(settings));
        EmbeddedStoreCompaction compaction = null;
        if (settings.embeddedDatabase()) {
            compaction = EmbeddedStoreCompaction.start(dataSource, COMPACTION_INTERVAL);
            closeWithContext(context, "database compaction", compaction::close);
        }

        SecretSealer sealer = SecretSealer.fromKeyFile(settings.secretsKeyFile());
        LOG.info("secrets: webhook secrets sealed with key {} from {}", sealer.keyId(), settings.secretsKeyFile());
        ParticipantStore store = new ParticipantStore(dataSource, sealer);
        int unsealed = store.sealClearSecrets();
        if (unsealed > 0) {
            LOG.info("secrets: sealed {} webhook secrets an earlier version kept in clear", unsealed);
        }
        SecretHasher hasher = new SecretHasher();
        new ParticipantSeed(store, hasher).importFile(settings.participantsFile());
        ParticipantDirectory participants = new ParticipantDirectory(store);
        participants.reload();
        CredentialCheck credentials = new CredentialCheck(participants, hasher);
        // one throttle for every channel: a firm's secrets guessed over REST, FTP or the broker count together
        HubSettings.Guessing guessing = settings.guessing();
        GuessThrottle guesses = new GuessThrottle(new GuessThrottle.Limits(guessing.maxFailures(),
                settings.administration().loginMaxFailures(), guessing.addressMaxFailures(), guessing.lockout(),
                guessing.addressPace(), guessing.maxTracked()), clock);

        HubBroker broker = settings.embeddedBroker()
                ? EmbeddedBroker.start(settings, participants.all(), credentials, guesses)
                : new ExternalBroker(settings);
        closeWithContext(context, "broker", broker::close);
        try (ActiveMQConnectionFactory topologyFactory = broker.connectionFactory()) {
            BrokerTopology.declare(topologyFactory, participants.all());
        }
        CachingConnectionFactory connections = new CachingConnectionFactory(broker.connectionFactory());
        connections.setSessionCacheSize(10);
        // a cached consumer keeps its prefetched messages when a listener lets it go: they would wait unread
        connections.setCacheConsumers(false);
        closeWithContext(context, "broker connections", connections::destroy);
        LOG.info("broker: {}", broker.describe());

        Journal journal = new Journal(dataSource, clock, settings.timeZone());
        MessageValidator validator = new MessageValidator(clock);
        Registry registry = context.getRegistry();
        // the hub's metrics join Camel's (routes, JVM) in the registry scraped at /observe/metrics
        MeterRegistry meters = registry.lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(METRICS_REGISTRY, meters);
        }
        TrafficLog traffic = new TrafficLog(dataSource, clock);
        registry.bind("trafficLog", traffic);
        closeWithContext(context, "traffic counts", traffic::flush); // stopped before the database: the last counts land
        HubMetrics metrics = new HubMetrics(meters, traffic);
        if (compaction != null) {
            metrics.watchEmbeddedDatabase(compaction);
        }
        // the one ConnectionFactory in the registry: camel-jms picks it up
        registry.bind("connectionFactory", ConnectionFactory.class, connections);
        MessageIntake intake = new MessageIntake(validator, journal, new IdempotencyKeys(dataSource), metrics);
        DataDisk disk = new DataDisk(settings.dataDir(), settings.minFreeDiskMb() * 1024 * 1024);
        ApiAuthentication authentication = new ApiAuthentication(credentials, guesses);
        ApiGate gate = new ApiGate(authentication, disk,
                new RequestRateLimits(settings.rateLimitPerSecond(), settings.rateLimitBurst()));
        DeliveryLog deliveryLog = new DeliveryLog(dataSource, clock, settings.timeZone(), metrics);
        registry.bind("restIngress", new RestIngress(gate, intake, journal, deliveryLog, settings.maxBodyBytes()));
        registry.bind("unavailable", new Unavailable());
        registry.bind("cebIngress", new CebIngress(gate, intake, settings.maxBodyBytes(), settings.timeZone()));
        registry.bind("brokerIngress", new BrokerIngress(participants, intake));
        registry.bind("openApiDocument", new OpenApiDocument(SCHEMAS_DIR));
        HubSettings.Administration administration = settings.administration();
        AdminUsers adminUsers = AdminUsers.load(administration.usersFile(), hasher);
        LOG.info("admins: {} console users from {}", adminUsers.count(), administration.usersFile());
        AdminSessions sessions = new AdminSessions(dataSource, clock, administration.sessionIdle(),
                administration.sessionMaxAge());
        AuditLog audit = new AuditLog(dataSource, clock, settings.timeZone());
        AdminAccess adminAccess = new AdminAccess(authentication, sessions);
        registry.bind("adminLogin", new AdminLogin(adminUsers, sessions, adminAccess, guesses, audit,
                administration.secureCookie()));
        registry.bind("auditAdmin", new AuditAdmin(adminAccess, audit));
        registry.bind("consoleAssets", new ConsoleAssets(sessions));
        registry.bind("outboxRelay", new OutboxRelay(journal, connections, settings.outboxBatchSize()));
        SubscriptionStore subscriptions = new SubscriptionStore(dataSource, clock);
        ParticipantPolicy policy = new ParticipantPolicy(new OutboundTargets(settings.deliveries().allowInternalTargets()),
                settings.sourceFileRoots());
        RemoteSources sources = new RemoteSources(participants, policy, settings.sourceSettle(), settings.sourcePoll());
        DeliveryFormat formats = new DeliveryFormat(participants, settings.timeZone());
        WebhookDelivery webhooks = new WebhookDelivery(participants, formats, deliveryLog, settings.deliveries(),
                policy.targets(), clock);
        InboxLayout homes = new InboxLayout(settings.dataDir());
        CsvProfiles profiles = CsvProfiles.load(settings.profilesDir());
        FtpOutbox outbox = new FtpOutbox(homes, settings.dataDir().resolve("outbox-work"), participants, profiles,
                formats, deliveryLog, settings.deliveries(), clock, settings.timeZone());
        registry.bind("webhookDelivery", webhooks);
        registry.bind("deadCopies", new DeadCopies(deliveryLog));
        registry.bind("ftpOutbox", outbox);
        DeliveryRoutes deliveryRoutes = new DeliveryRoutes(participants, webhooks, outbox);
        registry.bind("deliveryRoutes", deliveryRoutes);
        ParticipantChanges changes = new ParticipantRollout(participants, credentials, homes, broker, deliveryRoutes, metrics,
                context);
        registry.bind("credentialAdmin", new CredentialAdmin(adminAccess, store, changes, hasher, settings.apiKeyGrace(), audit));
        InboundFiles inboundFiles = new InboundFiles(dataSource);
        registry.bind("participantAdmin", new ParticipantAdmin(adminAccess, participants, store, changes, profiles, hasher,
                policy, traffic, inboundFiles, metrics::latestBacklog, audit, clock));
        registry.bind("subscriptionAdmin", new SubscriptionAdmin(adminAccess, subscriptions, participants, audit));
        Backlog backlog = new Backlog(deliveryLog, new QueueDepths(connections), participants);
        registry.bind("backlogAdmin", new BacklogAdmin(adminAccess, backlog));
        metrics.backlogSource(() -> {
            try {
                return backlog.perRecipient();
            } catch (JMSException e) {
                return null; // the broker did not answer: the gauges keep their last values
            }
        });
        participants.all().forEach(p -> metrics.watchBacklog(p.id()));
        registry.bind("deadLetterAdmin", new DeadLetterAdmin(adminAccess, deliveryLog, journal, context.createProducerTemplate(),
                audit));
        // the router takes events as the relay publishes them: a batch per transaction, waiting a poll period at most
        RouterConsumer router = new RouterConsumer(new Router(RoutingTable.load(settings.routingFile()), subscriptions,
                participants, journal, metrics), connections, settings.outboxBatchSize(), settings.outboxPollMillis(),
                () -> Database.answers(dataSource));
        registry.bind("routerConsumer", router);
        closeWithContext(context, "router", router::close); // before the broker connections: its consumer goes first
        registry.bind("routeAdmin", new RouteAdmin(adminAccess, context, audit));
        registry.bind("fileAdmin", new FileAdmin(adminAccess, inboundFiles, homes));
        registry.bind("messageAdmin", new MessageAdmin(adminAccess, journal, deliveryLog));
        AlertMonitor alerts = new AlertMonitor(new AlertRules(settings.alerts(), settings.minFreeDiskMb() * 1024 * 1024),
                participants, traffic, deliveryLog, metrics::latestBacklog, () -> failedSources(sources), settings.dataDir(), meters,
                settings.alerts(), clock);
        registry.bind("alertMonitor", alerts);
        registry.bind("alertAdmin", new AlertAdmin(adminAccess, alerts));
        registry.bind("overviewAdmin", new OverviewAdmin(adminAccess, traffic, deliveryLog, metrics::latestBacklog, alerts, clock));
        inboundFiles(context, settings, homes, profiles, dataSource, inboundFiles, participants, credentials, guesses,
                sources, validator, journal, metrics, disk);

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(HealthChecks.database(dataSource, Database.describe(settings)));
        health.register(HealthChecks.broker(connections, broker.describe()));
        health.register(HealthChecks.disk(settings.dataDir(), disk));
        health.register(HealthChecks.remoteSources(sources));
    }

    /** Every port the hub listens on is free before anything starts (an operator learns which, and which setting). */
    private static void requireFreePorts(CamelContext context, HubSettings settings) {
        String httpHost = context.getPropertiesComponent().resolveProperty("camel.server.host").orElse("0.0.0.0");
        int httpPort = Integer.parseInt(context.getPropertiesComponent().resolveProperty("camel.server.port").orElse("8080"));
        FreePort.require(httpHost, httpPort, "HTTP", "parkhub.http.port");
        FreePort.require(settings.ftp().host(), settings.ftp().port(), "FTP", "parkhub.ftp.port");
        if (settings.embeddedBroker()) {
            FreePort.require("127.0.0.1", settings.brokerPort(), "broker", "parkhub.broker.port");
        }
    }

    /** The remote sources left out, as alerts name them: by route, with whose source it is and why. */
    private static Map<String, String> failedSources(RemoteSources sources) {
        Map<String, String> failed = new TreeMap<>();
        sources.failures().forEach((route, failure) -> failed.put(route, failure.participant() + " " + failure.source()
                + ": " + failure.reason()));
        return failed;
    }

    /** Files: each participant's FTP home, the FTP server, file processing, remote sources. */
    private static void inboundFiles(CamelContext context, HubSettings settings, InboxLayout inbox, CsvProfiles profiles,
                                     DataSource dataSource, InboundFiles inboundFiles,
                                     ParticipantDirectory participants, CredentialCheck credentials,
                                     GuessThrottle guesses, RemoteSources sources, MessageValidator validator,
                                     Journal journal,
                                     HubMetrics metrics, DataDisk disk) throws Exception {
        participants.all().forEach(p -> inbox.createHome(p.id()));
        ProfileAssignments.check(participants.all(), profiles);
        FileIngress fileIngress = new FileIngress(inbox, inboundFiles, participants, profiles, validator, journal,
                settings.timeZone(), metrics);
        JdbcMessageIdRepository remoteFiles = new JdbcMessageIdRepository(dataSource, "remote-files");
        remoteFiles.setCreateTableIfNotExists(false); // Flyway made it
        Registry registry = context.getRegistry();
        registry.bind("fileIngress", fileIngress);
        registry.bind("inboxRecovery", new InboxRecovery(inbox, inboundFiles, participants, INBOX_SETTLE));
        registry.bind("remoteIntake", new RemoteIntake(inbox, fileIngress));
        registry.bind(RemoteSources.REPOSITORY, remoteFiles);
        registry.bind("remoteSources", sources);

        int ftpPort = settings.ftp().port() == 0 ? FreePort.pick() : settings.ftp().port();
        startWithContext(context, "ftp server", () -> {
            ProducerTemplate template = context.createProducerTemplate();
            EmbeddedFtpServer ftp = EmbeddedFtpServer.start(settings.ftp(), ftpPort, inbox, participants, credentials,
                    inboundFiles, event -> template.sendBody(INBOX_QUEUE, event), guesses, disk);
            LOG.info("ftp: {}", ftp.describe(settings.ftp()));
            HealthCheckRegistry.get(context).register(HealthChecks.ftp(settings.ftp().host(), ftpPort));
            return ftp::close;
        });
    }

    /** Starts a service with the Camel context (so it may use it) and stops it with the context. */
    private static void startWithContext(CamelContext context, String name, Starter starter) throws Exception {
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

    @FunctionalInterface
    private interface Starter {
        Closer start() throws Exception;
    }

    /** Stops a service after the routes, when the Camel context shuts down. */
    private static void closeWithContext(CamelContext context, String name, Closer closer) throws Exception {
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
    private interface Closer {
        void close() throws Exception;
    }

    /** Sources stored by a version that did not check them (a password in clear) keep working, but are named. */
}
