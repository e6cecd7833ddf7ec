package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.rest.RestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * Every HTTP endpoint the hub serves, found from its running routes (so a new one cannot be forgotten), refuses
 * a request without credentials with 401, and every administrators' endpoint refuses a firm's key.
 */
class EndpointCredentialsTest {

    /** Open on purpose: the API description, the login that hands out sessions, and the console (its login page). */
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/openapi.json", "POST /api/v1/admin/login",
            "GET /console", "POST /api/v1/admin/logout");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

    @Test
    void everyEndpointWithoutCredentialsIs401() throws Exception {
        List<String> endpoints = endpoints();
        assertThat(endpoints).as("the HTTP endpoints found").hasSizeGreaterThan(25)
                .contains("POST /api/v1/messages/{type}", "GET /api/v1/admin/messages");
        List<String> open = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (PUBLIC.contains(endpoint)) {
                continue;
            }
            HttpResponse<String> answer = send(endpoint, null);
            if (answer.statusCode() != 401) {
                open.add(endpoint + " -> " + answer.statusCode());
            }
        }
        assertThat(open).as("endpoints that did not answer 401 without credentials").isEmpty();
    }

    @Test
    void administratorsEndpointsRefuseAFirmsKey() throws Exception {
        List<String> notRefused = new ArrayList<>();
        for (String endpoint : endpoints()) {
            if (!endpoint.contains(" /api/v1/admin/") || PUBLIC.contains(endpoint)) {
                continue;
            }
            HttpResponse<String> answer = send(endpoint, Demo.MERCHANT_KEY);
            // 403; the console's own session endpoint knows sessions only and answers 401
            if (answer.statusCode() != 403 && !(endpoint.endsWith("/admin/session") && answer.statusCode() == 401)) {
                notRefused.add(endpoint + " -> " + answer.statusCode());
            }
        }
        assertThat(notRefused).as("administrators' endpoints that did not refuse MERCH-01").isEmpty();
    }

    /** "METHOD /path" of every platform-http route, path parameters left as {name}. */
    private static List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        for (Route route : hub.context().getRoutes()) {
            if (route.getEndpoint() instanceof RestEndpoint rest) {
                endpoints.add(rest.getMethod().toUpperCase(Locale.ROOT) + " " + rest.getPath()
                        + (rest.getUriTemplate() == null ? "" : rest.getUriTemplate()));
            } else if (route.getEndpoint() instanceof PlatformHttpEndpoint http) {
                String methods = http.getHttpMethodRestrict() == null ? "GET" : http.getHttpMethodRestrict();
                for (String method : methods.split(",")) {
                    endpoints.add(method.trim() + " " + http.getPath());
                }
            }
        }
        return endpoints;
    }

    private static HttpResponse<String> send(String endpoint, String apiKey) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path)))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
