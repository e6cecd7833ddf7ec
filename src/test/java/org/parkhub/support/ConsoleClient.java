package org.parkhub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the admin API as the console does: logged in with a session cookie, the CSRF token on every change.
 */
public final class ConsoleClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningHub hub;
    private String cookie;
    private String csrfToken;

    private ConsoleClient(RunningHub hub) {
        this.hub = hub;
    }

    /** Logs in; fails the test when the hub refuses. */
    public static ConsoleClient login(RunningHub hub, String user, String password) throws IOException, InterruptedException {
        ConsoleClient client = new ConsoleClient(hub);
        HttpResponse<String> answer = client.tryLogin(user, password);
        if (answer.statusCode() != 200) {
            throw new AssertionError("login refused: " + answer.statusCode() + " " + answer.body());
        }
        return client;
    }

    public static ConsoleClient anonymous(RunningHub hub) {
        return new ConsoleClient(hub);
    }

    /** A client that sends a session cookie the hub never issued. */
    public static ConsoleClient withCookie(RunningHub hub, String value) {
        ConsoleClient client = new ConsoleClient(hub);
        client.cookie = "parkhub_admin=" + value;
        return client;
    }

    public HttpResponse<String> tryLogin(String user, String password) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("user", user, "password", password));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(hub.url("/api/v1/admin/login")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            cookie = setCookie(answer).orElseThrow().split(";", 2)[0];
            csrfToken = JSON.readTree(answer.body()).path("csrfToken").asText();
        }
        return answer;
    }

    public static Optional<String> setCookie(HttpResponse<?> answer) {
        return answer.headers().firstValue("Set-Cookie");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, true);
    }

    /** A change without the CSRF token, as a forged request from another site would come. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, false);
    }

    public HttpResponse<String> send(String method, String path, String json, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }
}
