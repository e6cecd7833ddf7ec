package org.parkhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/** The console's login on a real hub: session cookie, CSRF token, logout, lockout, audit. */
class AdminLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "{\"participant\":\"LOG-01\",\"type\":\"order\",\"filter\":[]}";

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.admin.login-max-failures", "3"));

    @Test
    void aLoginOpensASessionWhoseChangesNeedTheCsrfToken() throws Exception {
        ConsoleClient anonymous = ConsoleClient.anonymous(hub);
        HttpResponse<String> login = anonymous.tryLogin(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(ConsoleClient.setCookie(login)).get().asString()
                .startsWith("parkhub_admin=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        ConsoleClient console = anonymous;
        assertThat(console.get("/api/v1/admin/backlog").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(console.get("/api/v1/admin/session").body()).path("user").asText()).isEqualTo("admin");

        HttpResponse<String> forged = console.postWithoutCsrf("/api/v1/admin/subscriptions", SUBSCRIPTION);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-CSRF-Token");
        HttpResponse<String> created = console.post("/api/v1/admin/subscriptions", SUBSCRIPTION);
        assertThat(created.statusCode()).isEqualTo(201);
        String subscription = JSON.readTree(created.body()).path("id").asText();
        assertThat(JSON.readTree(created.body()).path("createdBy").asText()).isEqualTo("admin");

        assertThat(console.post("/api/v1/admin/logout", null).statusCode()).isEqualTo(204);
        HttpResponse<String> after = console.get("/api/v1/admin/backlog");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("session-ended");

        JsonNode audit = JSON.readTree(hub.get("/api/v1/admin/audit?limit=50", Demo.ADMIN_KEY).body()).path("entries");
        assertThat(audit.findValuesAsText("action")).contains("login", "subscription-created", "logout");
        assertThat(audit.toString()).contains(subscription).doesNotContain(Demo.ADMIN_PASSWORD);
    }

    @Test
    void firmsAndStrangersAreRefused() throws Exception {
        assertThat(hub.get("/api/v1/admin/backlog", null).statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/v1/admin/audit", Demo.PLATFORM_KEY).statusCode()).isEqualTo(403);
        // a firm's own credentials do not open the console
        assertThat(ConsoleClient.anonymous(hub).tryLogin("PLAT-01", "demo-ftp-plat-01").statusCode()).isEqualTo(401);
        assertThat(ConsoleClient.anonymous(hub).tryLogin("PLAT-01", Demo.PLATFORM_KEY).statusCode()).isEqualTo(401);
        // a made-up cookie opens nothing
        HttpResponse<String> forged = ConsoleClient.withCookie(hub, "made-up-session").get("/api/v1/admin/audit");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("session-ended");
    }

    @Test
    void wrongPasswordsLockTheNameForAWhileAndAreAudited() throws Exception {
        ConsoleClient guesser = ConsoleClient.anonymous(hub);
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.tryLogin("locked-admin", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = guesser.tryLogin("locked-admin", "guess-4");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        // another name is not locked by them
        assertThat(ConsoleClient.anonymous(hub).tryLogin(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD).statusCode()).isEqualTo(200);

        JsonNode audit = JSON.readTree(hub.get("/api/v1/admin/audit?limit=100", Demo.ADMIN_KEY).body()).path("entries");
        assertThat(audit.findValuesAsText("action")).contains("login-refused");
        assertThat(audit.toString()).doesNotContain("guess-").doesNotContain("locked-admin");
    }
}
