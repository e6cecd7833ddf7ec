package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.slf4j.LoggerFactory;

/**
 * With the production logging, a hub that is used with every kind of secret (API keys right and wrong, FTP and
 * console passwords right and wrong, a rotated key and password, broker logins) writes none of them to its log.
 */
class SecretsInLogsTest {

    @TempDir
    Path dataDir;

    @Test
    void noSecretReachesTheLog() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        configure(logging, Path.of("src/main/resources/logback.xml").toUri().toURL());
        captured.setContext(logging);
        captured.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        List<String> secrets = new ArrayList<>(List.of(Demo.PLATFORM_KEY, Demo.MERCHANT_KEY, Demo.ADMIN_KEY,
                "demo-ftp-wh-qd-01", Demo.ADMIN_PASSWORD, "wrong-key-7f3a9c", "wrong-ftp-7f3a9c", "wrong-admin-7f3a9c"));
        try (RunningHub hub = RunningHub.start(dataDir)) {
            assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", Demo.exampleOrder())
                    .statusCode()).isEqualTo(202);
            assertThat(hub.get("/api/v1/messages", "wrong-key-7f3a9c").statusCode()).isEqualTo(401);
            try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                assertThat(firm.download("/receipts/none.csv")).isNull();
            }
            assertThat(tryFtp(hub, "wrong-ftp-7f3a9c")).isFalse();
            assertThat(ConsoleClient.anonymous(hub).tryLogin(Demo.ADMIN_USER, "wrong-admin-7f3a9c").statusCode()).isEqualTo(401);
            ConsoleClient admin = ConsoleClient.login(hub, Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
            ObjectMapper json = new ObjectMapper();
            secrets.add(json.readTree(admin.post("/api/v1/admin/participants/LOG-01/api-key", "{}").body())
                    .path("apiKey").asText());
            secrets.add(json.readTree(admin.post("/api/v1/admin/participants/LOG-01/ftp-password", "{}").body())
                    .path("ftpPassword").asText());
            try (Connection broker = new JmsConnectionFactory("MERCH-01", Demo.MERCHANT_KEY,
                    "amqp://127.0.0.1:" + hub.brokerPort()).createConnection()) {
                broker.start();
            }
            try (Connection refused = new JmsConnectionFactory("MERCH-01", "wrong-key-7f3a9c",
                    "amqp://127.0.0.1:" + hub.brokerPort()).createConnection()) {
                refused.start();
            } catch (jakarta.jms.JMSException expected) {
                // refused, as it should be; what matters here is what the hub wrote about it
            }
        } finally {
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
            configure(logging, SecretsInLogsTest.class.getResource("/logback-test.xml"));
        }
        assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
        assertThat(captured.list).as("log events captured").hasSizeGreaterThan(20);
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(secrets).as("secrets in: %s", text).noneSatisfy(secret -> assertThat(text).contains(secret));
        }
    }

    private static boolean tryFtp(RunningHub hub, String password) throws Exception {
        try (FtpFirm ignored = new FtpFirm(hub.ftpPort(), "WH-QD-01", password)) {
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    private static void configure(LoggerContext logging, URL configuration) throws Exception {
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(configuration);
    }
}
