package org.parkhub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Journaled;
import org.parkhub.journal.MessageStatus;
import org.parkhub.journal.Recipient;
import org.parkhub.journal.RoutingRecords;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubMetrics;
import org.parkhub.platform.HubSettings;
import org.parkhub.support.TestSettings;

/** The shipped routing defaults (config/routing.yaml) over the demo park, on a real journal. */
class RouterTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dataDir;
    static HikariDataSource dataSource;
    static Journal journal;
    static Router router;
    static SubscriptionStore subscriptions;

    @BeforeAll
    static void setUp() {
        HubSettings settings = TestSettings.embedded(dataDir);
        dataSource = Database.open(settings);
        ParticipantStore store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
        new ParticipantSeed(store, new SecretHasher()).importFile(settings.participants().participantsFile());
        ParticipantDirectory participants = new ParticipantDirectory(store);
        participants.reload();
        journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
        subscriptions = new SubscriptionStore(dataSource, Clock.system(ZONE));
        router = new Router(RoutingTable.load(settings.routing().routingFile()), subscriptions, participants, journal,
                new RoutingRecords(dataSource, Clock.system(ZONE), ZONE), DeclarationCodes.NONE,
                new HubMetrics(new SimpleMeterRegistry(), new TrafficLog(dataSource, Clock.system(ZONE))));
    }

    @AfterAll
    static void tearDown() {
        dataSource.close();
    }

    @Test
    void anOrderGoesToItsMerchantTheWarehousesTheBrokersAndCustoms() {
        Transaction t = new ParkFixtures(71).transaction();
        assertThat(recipients("PLAT-01", t.order())).containsExactly(
                new Recipient("MERCH-01", "code:ebcCode"),
                new Recipient("WH-QD-01", "role:WAREHOUSE"),
                new Recipient("BROKER-01", "role:BROKER"),
                new Recipient("CUSTOMS", "role:CUSTOMS"));
    }

    @Test
    void theSenderDoesNotReceiveItsOwnMessage() {
        Transaction t = new ParkFixtures(72).transaction();
        assertThat(recipients("MERCH-01", t.order())).extracting(Recipient::participantId)
                .containsExactly("WH-QD-01", "BROKER-01", "CUSTOMS");
    }

    @Test
    void aPaymentGoesToThePlatformTheBrokersAndCustoms() {
        Transaction t = new ParkFixtures(73).transaction();
        assertThat(recipients("PAY-01", t.payment())).extracting(Recipient::participantId)
                .containsExactly("PLAT-01", "BROKER-01", "CUSTOMS");
    }

    @Test
    void aWaybillFindsPlatformAndMerchantThroughItsOrder() {
        Transaction t = new ParkFixtures(74).transaction();
        journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "test")));
        assertThat(recipients("LOG-01", t.waybill())).containsExactly(
                new Recipient("PLAT-01", "orderCode:ebpCode"),
                new Recipient("MERCH-01", "orderCode:ebcCode"),
                new Recipient("WH-QD-01", "role:WAREHOUSE"),
                new Recipient("BROKER-01", "role:BROKER"),
                new Recipient("CUSTOMS", "role:CUSTOMS"));
    }

    @Test
    void aTrackingEventFindsItsOrderThroughTheWaybill() {
        Transaction t = new ParkFixtures(75).transaction();
        journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "test")));
        journal.accept("LOG-01", Channel.REST, List.of(new Incoming(t.waybill(), "test")));
        var eventWithoutOrderNo = RecordEdit.with(t.events().get(0), "orderNo", null);
        assertThat(recipients("LOG-01", eventWithoutOrderNo)).extracting(Recipient::participantId)
                .containsExactly("PLAT-01", "MERCH-01");
    }

    @Test
    void aBatchIsRoutedInItsOrderWithOneCopyPerRecipientAndTheSameCopiesWhenItComesAgain() {
        Transaction t = new ParkFixtures(77).transaction();
        Envelope order = journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "test"))).get(0).envelope();
        Envelope payment = journal.accept("PAY-01", Channel.REST, List.of(new Incoming(t.payment(), "test"))).get(0).envelope();
        List<String> batch = List.of(CanonicalMapper.toJson(order), CanonicalMapper.toJson(payment));

        List<Router.Copy> copies = router.route(batch);

        assertThat(copies).extracting(Router.Copy::recipient)
                .containsExactly("MERCH-01", "WH-QD-01", "BROKER-01", "CUSTOMS", "PLAT-01", "BROKER-01",
                        "CUSTOMS");
        assertThat(copies.get(0).headers()).containsEntry(HubHeaders.MESSAGE_ID, order.messageId())
                .containsEntry(HubHeaders.DUPLICATE_ID, order.messageId() + "/MERCH-01");
        assertThat(copies.get(4).body()).isEqualTo(batch.get(1));
        assertThat(journal.find(payment.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.ROUTED);
        // redelivered after a crash: the decisions journaled the first time, the same duplicate ids
        assertThat(router.route(batch)).containsExactlyInAnyOrderElementsOf(copies);
    }

    @Test
    void aRevisionReachesEveryoneWhoHadTheDocumentAndWhoeverTheRulesChooseNow() {
        Order order = RecordEdit.with(new ParkFixtures(79).transaction().order(), "orderNo", "ORD-ROUTE-REVISED");
        Envelope first = journaled("PLAT-01", order, DocumentAction.NEW);
        router.route(List.of(CanonicalMapper.toJson(first)));
        Subscription later = subscriptions.add("LOG-01", MessageType.ORDER, List.of(
                new FieldMatch("orderNo", order.orderNo(), null, null)), "ADMIN");
        try {
            // the order moves to a merchant the park does not know: the rules no longer choose MERCH-01
            Envelope revision = journaled("PLAT-01", RecordEdit.with(order, "ebcCode", "3301999999"),
                    DocumentAction.MODIFY);
            assertThat(revision.supersedes()).isEqualTo(first.messageId());

            List<Router.Copy> copies = router.route(List.of(CanonicalMapper.toJson(revision)));

            assertThat(copies).extracting(Router.Copy::recipient)
                    .containsExactly("WH-QD-01", "BROKER-01", "CUSTOMS", "LOG-01", "MERCH-01");
            assertThat(copies.get(4).headers()).containsEntry(HubHeaders.ACTION, "modify")
                    .containsEntry(HubHeaders.SUPERSEDES, first.messageId());
        } finally {
            subscriptions.remove(later.id());
        }
    }

    @Test
    void aCancellationReachesOnlyThoseWhoHadTheDocument() {
        Order order = RecordEdit.with(new ParkFixtures(80).transaction().order(), "orderNo", "ORD-ROUTE-CANCELLED");
        Envelope first = journaled("PLAT-01", order, DocumentAction.NEW);
        router.route(List.of(CanonicalMapper.toJson(first)));
        Subscription later = subscriptions.add("LOG-01", MessageType.ORDER, List.of(), "ADMIN");
        try {
            Envelope cancellation = journaled("PLAT-01", order, DocumentAction.CANCEL);
            assertThat(cancellation.action()).isEqualTo(DocumentAction.CANCEL);

            List<Router.Copy> copies = router.route(List.of(CanonicalMapper.toJson(cancellation)));

            assertThat(copies).extracting(Router.Copy::recipient)
                    .containsExactlyInAnyOrder("MERCH-01", "WH-QD-01", "BROKER-01", "CUSTOMS");
            assertThat(copies.get(0).headers()).containsEntry(HubHeaders.ACTION, "cancel")
                    .containsEntry(HubHeaders.REVISION, 2);
        } finally {
            subscriptions.remove(later.id());
        }
    }

    @Test
    void aRevisionRoutedInTheBatchOfTheOneBeforeReachesItsRecipients() {
        Order order = RecordEdit.with(new ParkFixtures(81).transaction().order(), "orderNo", "ORD-ROUTE-IN-BATCH");
        Envelope first = journaled("PLAT-01", order, DocumentAction.NEW);
        Envelope cancellation = journaled("PLAT-01", order, DocumentAction.CANCEL);

        List<Router.Copy> copies = router.route(List.of(CanonicalMapper.toJson(first),
                CanonicalMapper.toJson(cancellation)));

        assertThat(copies.stream().filter(c -> c.headers().get(HubHeaders.MESSAGE_ID).equals(cancellation.messageId())))
                .extracting(Router.Copy::recipient).containsExactlyInAnyOrder("MERCH-01", "WH-QD-01", "BROKER-01",
                        "CUSTOMS");
    }

    @Test
    void aWaybillForAnUnknownOrderStillReachesWarehousesBrokersAndCustoms() {
        Transaction t = new ParkFixtures(76).transaction();
        assertThat(recipients("LOG-01", t.waybill())).extracting(Recipient::participantId)
                .containsExactly("WH-QD-01", "BROKER-01", "CUSTOMS");
    }

    @Test
    void stockMovementsGoToTheOwnerOfTheGoods() {
        ParkFixtures fixtures = new ParkFixtures(77);
        assertThat(recipients("WH-QD-01", fixtures.stockReceipt(fixtures.product(), 3)))
                .containsExactly(new Recipient("MERCH-01", "code:ebcCode"));
    }

    @Test
    void aSubscriptionAddsTheCopiesItsFilterMatches() {
        ParkFixtures fixtures = new ParkFixtures(78);
        Transaction matching = fixtures.transaction();
        Transaction other = fixtures.transaction();
        Subscription subscription = subscriptions.add("LOG-01", MessageType.ORDER, List.of(
                new FieldMatch("orderNo", matching.order().orderNo(), null, null),
                new FieldMatch("consignee.district", null, List.of("370202", "370203"), null),
                new FieldMatch("currency", null, null, "CN")), "ADMIN");
        try {
            assertThat(recipients("PLAT-01", matching.order()))
                    .contains(new Recipient("LOG-01", "subscription " + subscription.id()));
            assertThat(recipients("PLAT-01", other.order())).extracting(Recipient::participantId).doesNotContain("LOG-01");
            // a subscriber already chosen by a rule keeps the rule as its reason
            Subscription twice = subscriptions.add("MERCH-01", MessageType.ORDER, List.of(), "ADMIN");
            assertThat(recipients("PLAT-01", matching.order())).contains(new Recipient("MERCH-01", "code:ebcCode"));
            subscriptions.remove(twice.id());
        } finally {
            subscriptions.remove(subscription.id());
        }
        assertThat(recipients("PLAT-01", matching.order())).extracting(Recipient::participantId).doesNotContain("LOG-01");
    }

    @Test
    void aFilterConditionMustNameASingleFieldAndOneTest() {
        assertThat(new FieldMatch("lines", "x", null, null).problem(Order.class)).get().asString().contains("not a single-valued field");
        assertThat(new FieldMatch("buyer", "x", null, null).problem(Order.class)).isPresent();
        assertThat(new FieldMatch("nope", "x", null, null).problem(Order.class)).isPresent();
        assertThat(new FieldMatch("ebcCode", "x", List.of("y"), null).problem(Order.class)).get().asString().contains("exactly one of");
        assertThat(new FieldMatch("ebcCode", null, List.of(), null).problem(Order.class)).isPresent();
        assertThat(new FieldMatch("buyer.idType", "1", null, null).problem(Order.class)).isEmpty();
    }

    @Test
    void aBrokenRoutingFileIsRefusedWithItsReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, "routing:\n  invoice:\n    - role: BROKER\n");
        assertThatThrownBy(() -> RoutingTable.load(file)).hasMessageContaining("unknown message type invoice");
        Files.writeString(file, "routing:\n  order:\n    - code: bankCode\n");
        assertThatThrownBy(() -> RoutingTable.load(file)).hasMessageContaining("unknown code bankCode");
        Files.writeString(file, "routing:\n  order:\n    - role: BROKER\n      code: ebcCode\n");
        assertThatThrownBy(() -> RoutingTable.load(file)).hasMessageContaining("exactly one of");
    }

    private static List<Recipient> recipients(String sender, Record payload) {
        Journaled journaled = journal.accept(sender, Channel.REST, List.of(new Incoming(payload, "test"))).get(0);
        // the same document sent again is not journaled again: its first message is routed the same way
        Envelope envelope = journaled.isJournaled() ? journaled.envelope()
                : journal.find(journaled.messageId()).orElseThrow().envelope();
        return router.recipients(envelope, Map.of());
    }

    private static Envelope journaled(String sender, Record payload, DocumentAction action) {
        return journal.accept(sender, Channel.REST, List.of(new Incoming(payload, "test", action))).get(0).envelope();
    }
}
