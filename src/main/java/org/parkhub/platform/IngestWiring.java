package org.parkhub.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.parkhub.declaration.DeclarationApi;
import org.parkhub.ftp.EmbeddedFtpServer;
import org.parkhub.http.ApiAuthentication;
import org.parkhub.http.ApiGate;
import org.parkhub.http.RequestRateLimits;
import org.parkhub.http.Unavailable;
import org.parkhub.ingest.BrokerIngress;
import org.parkhub.ingest.CebIngress;
import org.parkhub.ingest.CebReading;
import org.parkhub.ingest.DocumentCancellation;
import org.parkhub.ingest.DocumentLookup;
import org.parkhub.ingest.DraftConfirmation;
import org.parkhub.ingest.IdempotencyKeys;
import org.parkhub.ingest.MessageIntake;
import org.parkhub.ingest.OpenApiDocument;
import org.parkhub.ingest.RestIngress;
import org.parkhub.ingest.SignedDocumentLookup;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.ingest.csv.ProfileAssignments;
import org.parkhub.ingest.file.FileIngress;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.ingest.file.InboxRecovery;
import org.parkhub.ingest.file.RemoteIntake;
import org.parkhub.ingest.file.RemoteSources;
import org.parkhub.journal.JournalProjection;
import org.parkhub.journal.SignedDocuments;
import org.parkhub.precheck.CustomsCaseApi;
import org.parkhub.validate.MessageValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every way in: REST (JSON and CEB XML) behind the API gate, the broker, and files (the FTP server, each firm's home,
 * remote sources), all handing what they read to the one intake.
 */
final class IngestWiring {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWiring.class);
    /** The route (routes/inbox.camel.yaml) that processes inbound files. */
    private static final String INBOX_QUEUE = "seda:inbox";
    /** A file that reached an inbox without an upload event is taken once it has been still this long. */
    private static final Duration INBOX_SETTLE = Duration.ofSeconds(30);
    /** The published canonical schemas, served in the OpenAPI document. */
    private static final Path SCHEMAS_DIR = Path.of("schemas/canonical");

    final MessageIntake intake;
    final ApiAuthentication authentication;
    final InboxLayout homes;
    final CsvProfiles profiles;
    final InboundFiles inboundFiles;
    final RemoteSources sources;
    final DocumentLookup documents;
    final CebReading customsXml;
    final DeclarationApi declarationApi;

    IngestWiring(HubFoundation hub, ParticipantWiring participants, JournalWiring journal) throws Exception {
        HubSettings settings = hub.settings;
        intake = new MessageIntake(new MessageValidator(hub.clock), journal.journal, new IdempotencyKeys(hub.dataSource),
                hub.metrics, JournalProjection.all(journal.declarations, journal.quotas));
        authentication = new ApiAuthentication(participants.credentials, participants.guesses);
        ApiGate gate = new ApiGate(authentication, hub.disk,
                new RequestRateLimits(settings.http().rateLimitPerSecond(), settings.http().rateLimitBurst()));
        long maxBody = settings.http().maxBodyBytes();
        hub.bind("restIngress", new RestIngress(gate, intake, journal.journal, journal.deliveryLog, maxBody));
        hub.bind("unavailable", new Unavailable());
        customsXml = new CebReading(settings.timeZone(), settings.customs().verifySignatures());
        hub.bind("cebIngress", new CebIngress(gate, intake, maxBody, customsXml));
        hub.bind("brokerIngress", new BrokerIngress(participants.directory, intake, customsXml));
        hub.bind("openApiDocument", new OpenApiDocument(SCHEMAS_DIR));
        documents = new DocumentLookup(gate, journal.journal);
        hub.bind("documentLookup", documents);
        hub.bind("documentCancellation", new DocumentCancellation(gate, intake, journal.journal));
        hub.bind("draftConfirmation", new DraftConfirmation(gate, intake, journal.journal));
        declarationApi = new DeclarationApi(gate, journal.declarations, journal.journal);
        hub.bind("declarationApi", declarationApi);
        hub.bind("customsCaseApi", new CustomsCaseApi(gate, journal.cases));
        hub.bind("signedDocumentLookup", new SignedDocumentLookup(gate, journal.journal, new SignedDocuments(hub.dataSource)));

        homes = new InboxLayout(settings.dataDir());
        profiles = CsvProfiles.load(settings.files().profilesDir());
        inboundFiles = new InboundFiles(hub.dataSource);
        sources = new RemoteSources(participants.directory, participants.policy, settings.files().sourceSettle(),
                settings.files().sourcePoll());
        files(hub, participants, journal);
    }

    /** Each participant's FTP home, file processing, remote sources, and the FTP server, started with the routes. */
    private void files(HubFoundation hub, ParticipantWiring participants, JournalWiring journal) throws Exception {
        HubSettings settings = hub.settings;
        participants.directory.all().forEach(p -> homes.createHome(p.id()));
        ProfileAssignments.check(participants.directory.all(), profiles);
        FileIngress fileIngress = new FileIngress(homes, inboundFiles, participants.directory, profiles, intake,
                settings.timeZone(), customsXml, hub.metrics);
        JdbcMessageIdRepository remoteFiles = new JdbcMessageIdRepository(hub.dataSource, "remote-files");
        remoteFiles.setCreateTableIfNotExists(false); // Flyway made it
        hub.bind("fileIngress", fileIngress);
        hub.bind("inboxRecovery", new InboxRecovery(homes, inboundFiles, participants.directory, INBOX_SETTLE));
        hub.bind("remoteIntake", new RemoteIntake(homes, fileIngress));
        hub.bind(RemoteSources.REPOSITORY, remoteFiles);
        hub.bind("remoteSources", sources);

        int ftpPort = settings.ftp().port() == 0 ? FreePort.pick() : settings.ftp().port();
        hub.startWithContext("ftp server", () -> {
            ProducerTemplate template = hub.context.createProducerTemplate();
            EmbeddedFtpServer ftp = EmbeddedFtpServer.start(settings.ftp(), ftpPort, homes, participants.directory,
                    participants.credentials, inboundFiles, event -> template.sendBody(INBOX_QUEUE, event),
                    participants.guesses, hub.disk);
            LOG.info("ftp: {}", ftp.describe(settings.ftp()));
            HealthCheckRegistry.get(hub.context).register(HealthChecks.ftp(settings.ftp().host(), ftpPort));
            return ftp::close;
        });
    }
}
