package org.parkhub.bench;

import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Baseline (a): the same job written the way the Camel documentation shows it. An FTP consumer downloads the
 * export, the splitter streams it line by line, each line is unmarshalled with the CSV data format, marshalled to
 * JSON, sent to a JMS queue and inserted into the database, one row at a time; a queue subscriber counts the rows.
 * Same components as the hub: Apache FtpServer, Artemis with the hub's broker.xml, H2 with the hub's settings.
 * It does less than the hub (no validation, no receipt, no routing), which only flatters it.
 */
final class TextbookCsvRoute {

    private static final String USER = "textbook";
    private static final String PASSWORD = "textbook-password";

    /** rows/s from the upload until every row is inserted and consumed. */
    record Result(int rows, double seconds, long inserted, long delivered) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private TextbookCsvRoute() {
    }

    static Result run(Path file, int rows, Path work, BenchDatabase database) throws Exception {
        int ftpPort = RunningHub.freePort();
        Path home = Files.createDirectories(work.resolve("ftp"));
        Files.createDirectories(home.resolve("inbox"));
        FtpServer ftp = ftpServer(ftpPort, home);
        EmbeddedActiveMQ broker = broker(work.resolve("broker"));
        AtomicLong inserted = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        try (HikariDataSource db = database(database, work.resolve("db"))) {
            CamelContext camel = new DefaultCamelContext();
            CachingConnectionFactory connections = new CachingConnectionFactory(new ActiveMQConnectionFactory("vm://1"));
            camel.addComponent("jms", JmsComponent.jmsComponent(connections));
            SqlComponent sql = new SqlComponent();
            sql.setDataSource(db);
            camel.addComponent("sql", sql);
            camel.addRoutes(routes(ftpPort, work.resolve("ftp-local"), inserted, delivered));
            camel.start();
            try {
                long started = System.nanoTime();
                upload(ftpPort, file);
                await().atMost(Duration.ofSeconds(Math.max(300, rows / 50))).pollInterval(Duration.ofMillis(100))
                        .until(() -> inserted.get() >= rows && delivered.get() >= rows);
                return new Result(rows, (System.nanoTime() - started) / 1e9, inserted.get(), delivered.get());
            } finally {
                camel.close();
                connections.destroy();
            }
        } finally {
            broker.stop();
            ftp.stop();
        }
    }

    private static RouteBuilder routes(int ftpPort, Path localWork, AtomicLong inserted, AtomicLong delivered) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ftp://" + USER + "@127.0.0.1:" + ftpPort + "/inbox?password=" + PASSWORD
                        + "&passiveMode=true&binary=true&charset=GBK&antInclude=*.csv&delete=true"
                        + "&localWorkDirectory=" + localWork.toAbsolutePath())
                        .split(body().tokenize("\n")).streaming()
                            .filter(e -> e.getProperty(Exchange.SPLIT_INDEX, Integer.class) > 0
                                    && !e.getMessage().getBody(String.class).isBlank())
                            .unmarshal().csv()
                            .setBody(simple("${body[0]}"))
                            .marshal().json()
                            .convertBodyTo(String.class)
                            .to("jms:queue:textbook.rows")
                            .to("sql:INSERT INTO stock_row (line_no, payload) VALUES (:#${exchangeProperty.CamelSplitIndex}, :#${body})")
                            .process(e -> inserted.incrementAndGet())
                        .end();
                from("jms:queue:textbook.rows").process(e -> delivered.incrementAndGet());
            }
        };
    }

    /** Uploaded under a temporary name and renamed, so that the consumer never reads half a file. */
    private static void upload(int port, Path file) throws Exception {
        try (FtpFirm firm = new FtpFirm(port, USER, PASSWORD); InputStream in = Files.newInputStream(file)) {
            String name = "/inbox/" + file.getFileName();
            if (!firm.client().storeFile(name + ".part", in) || !firm.client().rename(name + ".part", name)) {
                throw new IllegalStateException("upload refused: " + firm.client().getReplyString());
            }
        }
    }

    private static FtpServer ftpServer(int port, Path home) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        factory.getUserManager().save(user);
        FtpServer server = factory.createServer();
        server.start();
        return server;
    }

    /** Artemis with the hub's delivery policy (config/broker.xml), persistent, in-VM only, no security. */
    private static EmbeddedActiveMQ broker(Path dir) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(Path.of("config/broker.xml").toAbsolutePath().toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        config.setBrokerInstance(dir.toFile()); // journal, bindings and paging go below it
        config.setJMXManagementEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration("in-vm", "vm://1");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }

    private static HikariDataSource database(BenchDatabase database, Path dir) throws SQLException {
        HikariDataSource db = database.open(dir, "textbook");
        BenchDatabase.execute(db, "CREATE TABLE stock_row (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " line_no BIGINT NOT NULL, payload VARCHAR(4000) NOT NULL)");
        return db;
    }
}
