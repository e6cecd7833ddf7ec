package org.parkhub.platform;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.parkhub.config.Setting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the services the routes need and binds the beans they refer to, stage by stage in dependency order:
 * the foundation (database, metrics), participants, broker, journal, ingest, routing, delivery, administration.
 * Everything started here is stopped with the Camel context.
 */
public class HubServices implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubServices.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        warnOfUndeclaredSettings(context);
        HubSettings settings = HubSettings.from(context);
        requireFreePorts(context, settings);

        HubFoundation hub = new HubFoundation(context, settings);
        ParticipantWiring participants = new ParticipantWiring(hub);
        BrokerWiring broker = new BrokerWiring(hub, participants);
        JournalWiring journal = new JournalWiring(hub, participants);
        IngestWiring ingest = new IngestWiring(hub, participants, journal);
        RoutingWiring routing = new RoutingWiring(hub, participants, broker, journal);
        DeliveryWiring delivery = new DeliveryWiring(hub, participants, broker, journal, ingest);
        new AdminWiring(hub, participants, broker, journal, ingest, routing, delivery);

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(HealthChecks.database(hub.dataSource, Database.describe(settings)));
        health.register(HealthChecks.broker(broker.connections, broker.broker.describe()));
        health.register(HealthChecks.disk(settings.dataDir(), hub.disk));
        health.register(HealthChecks.remoteSources(ingest.sources));
    }

    /** A misspelt key would leave its setting at the default without a word: name it. */
    private static void warnOfUndeclaredSettings(CamelContext context) {
        Set<String> given = context.getPropertiesComponent().loadProperties(key -> key.startsWith(Setting.PREFIX))
                .keySet().stream().map(Object::toString).collect(Collectors.toSet());
        HubSettings.undeclared(given).forEach(key -> LOG.warn(
                "settings: {} is not a setting of this hub and is ignored (the settings are listed in docs/operations.md)",
                key));
    }

    /** Every port the hub listens on is free before anything starts (an operator learns which, and which setting). */
    private static void requireFreePorts(CamelContext context, HubSettings settings) {
        String httpHost = context.getPropertiesComponent().resolveProperty("camel.server.host").orElse("0.0.0.0");
        int httpPort = Integer.parseInt(context.getPropertiesComponent().resolveProperty("camel.server.port").orElse("8080"));
        FreePort.require(httpHost, httpPort, "HTTP", "parkhub.http.port");
        FreePort.require(settings.ftp().host(), settings.ftp().port(), "FTP", "parkhub.ftp.port");
        if (settings.broker().embedded()) {
            FreePort.require("127.0.0.1", settings.broker().port(), "broker", "parkhub.broker.port");
        }
    }
}
