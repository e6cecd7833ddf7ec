package org.parkhub.platform;

import java.util.Map;
import java.util.TreeMap;

import org.parkhub.admin.AdminAccess;
import org.parkhub.admin.AdminLogin;
import org.parkhub.admin.AdminPolicy;
import org.parkhub.admin.AdminSessions;
import org.parkhub.admin.AdminSettings;
import org.parkhub.admin.AdminUsers;
import org.parkhub.admin.AlertAdmin;
import org.parkhub.admin.AuditAdmin;
import org.parkhub.admin.AuditLog;
import org.parkhub.admin.BacklogAdmin;
import org.parkhub.admin.ConsoleAssets;
import org.parkhub.admin.CredentialAdmin;
import org.parkhub.admin.CustomsAdmin;
import org.parkhub.admin.DeadLetterAdmin;
import org.parkhub.admin.DeclarationAdmin;
import org.parkhub.admin.DocumentAdmin;
import org.parkhub.admin.FileAdmin;
import org.parkhub.admin.MessageAdmin;
import org.parkhub.admin.OverviewAdmin;
import org.parkhub.admin.ParticipantAdmin;
import org.parkhub.admin.RouteAdmin;
import org.parkhub.admin.SubscriptionAdmin;
import org.parkhub.alert.AlertMonitor;
import org.parkhub.alert.AlertRules;
import org.parkhub.ingest.file.RemoteSources;
import org.parkhub.participant.ParticipantChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The park administrators' side: console log-in and sessions, the audit log, the admin API's beans, alerts. */
final class AdminWiring {

    private static final Logger LOG = LoggerFactory.getLogger(AdminWiring.class);

    AdminWiring(HubFoundation hub, ParticipantWiring participants, BrokerWiring broker, JournalWiring journal,
                IngestWiring ingest, RoutingWiring routing, DeliveryWiring delivery) throws Exception {
        HubSettings settings = hub.settings;
        AdminSettings administration = settings.administration();
        AdminUsers users = AdminUsers.load(administration.usersFile(), participants.hasher);
        LOG.info("admins: {} console users from {}", users.count(), administration.usersFile());
        AdminSessions sessions = new AdminSessions(hub.dataSource, hub.clock, administration.sessionIdle(),
                administration.sessionMaxAge());
        AuditLog audit = new AuditLog(hub.dataSource, hub.clock, settings.timeZone());
        AdminAccess access = new AdminAccess(ingest.authentication, sessions);
        hub.bind("adminLogin", new AdminLogin(users, sessions, participants.guesses, audit,
                administration.secureCookie()));
        hub.bind("adminPolicy", new AdminPolicy(access));
        hub.bind("auditAdmin", new AuditAdmin(audit));
        hub.bind("consoleAssets", new ConsoleAssets(sessions));

        ParticipantChanges changes = new ParticipantRollout(participants.directory, participants.credentials,
                ingest.homes, broker.broker, delivery.routes, hub.metrics, hub.context);
        hub.bind("credentialAdmin", new CredentialAdmin(participants.store, changes, participants.hasher,
                settings.participants().apiKeyGrace(), audit));
        hub.bind("participantAdmin", new ParticipantAdmin(participants.directory, participants.store, changes,
                ingest.profiles, participants.hasher, participants.policy, hub.traffic, ingest.inboundFiles,
                hub.metrics::latestBacklog, audit, hub.clock));
        hub.bind("subscriptionAdmin", new SubscriptionAdmin(routing.subscriptions, participants.directory, audit));
        hub.bind("backlogAdmin", new BacklogAdmin(delivery.backlog));
        hub.bind("deadLetterAdmin", new DeadLetterAdmin(journal.deliveryLog, journal.journal,
                hub.context.createProducerTemplate(), audit));
        hub.bind("routeAdmin", new RouteAdmin(hub.context, audit));
        hub.bind("fileAdmin", new FileAdmin(ingest.inboundFiles, ingest.homes));
        hub.bind("messageAdmin", new MessageAdmin(journal.journal, journal.deliveryLog));
        hub.bind("documentAdmin", new DocumentAdmin(journal.journal, ingest.documents));
        hub.bind("declarationAdmin", new DeclarationAdmin(journal.declarations, ingest.declarationApi,
                settings.declarations().stuckAfter(), hub.clock));
        hub.bind("customsAdmin", new CustomsAdmin(journal.caseIndex, journal.cases, journal.declarations,
                journal.journal, participants.directory, hub.clock, settings.timeZone()));

        AlertMonitor alerts = new AlertMonitor(new AlertRules(settings.alerts(), settings.minFreeDiskMb() * 1024 * 1024),
                participants.directory, hub.traffic, journal.deliveryLog, hub.metrics::latestBacklog,
                () -> failedSources(ingest.sources),
                now -> journal.declarations.stuck(now, settings.declarations().stuckAfter()), settings.dataDir(),
                hub.meters, settings.alerts(), hub.clock);
        hub.bind("alertMonitor", alerts);
        hub.bind("alertAdmin", new AlertAdmin(alerts));
        hub.bind("overviewAdmin", new OverviewAdmin(hub.traffic, journal.deliveryLog, hub.metrics::latestBacklog,
                alerts, hub.clock));
    }

    /** The remote sources left out, as alerts name them: by route, with whose source it is and why. */
    private static Map<String, String> failedSources(RemoteSources sources) {
        Map<String, String> failed = new TreeMap<>();
        sources.failures().forEach((route, failure) -> failed.put(route, failure.participant() + " " + failure.source()
                + ": " + failure.reason()));
        return failed;
    }
}
