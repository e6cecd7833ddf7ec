package org.parkhub.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;

/**
 * {@code /api/v1/admin/routes}: every Camel route with its state and statistics (exchanges, failures, mean
 * and longest processing time), and stopping or starting one. The routes that serve the admin API and the
 * console cannot be stopped from it: that would lock the administrators out.
 */
public class RouteAdmin {
    private final CamelContext context;
    private final AuditLog audit;

    public RouteAdmin(CamelContext context, AuditLog audit) {
        this.context = context;
        this.audit = audit;
    }

    public void list(Exchange exchange) {
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Route route : context.getRoutes().stream().sorted((a, b) -> a.getRouteId().compareTo(b.getRouteId())).toList()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", route.getRouteId());
            view.put("from", route.getEndpoint().getEndpointBaseUri());
            view.put("state", context.getRouteController().getRouteStatus(route.getRouteId()).name());
            view.put("stoppable", !serving(route.getRouteId()));
            ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            if (stats != null) {
                view.put("exchanges", stats.getExchangesTotal());
                view.put("failures", stats.getExchangesFailed());
                view.put("inflight", stats.getExchangesInflight());
                view.put("meanMillis", stats.getMeanProcessingTime());
                view.put("maxMillis", stats.getMaxProcessingTime());
            }
            routes.add(view);
        }
        HttpReply.answer(exchange, 200, "routes", Map.of("routes", routes));
    }

    /** {@code POST /{id}/stop}: graceful, in-flight exchanges finish first. */
    public void stop(Exchange exchange) throws Exception {
        change(exchange, "stop");
    }

    /** {@code POST /{id}/start}. */
    public void start(Exchange exchange) throws Exception {
        change(exchange, "start");
    }

    private void change(Exchange exchange, String action) throws Exception {
        Admin admin = Admin.of(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        if (context.getRoute(id) == null) {
            Problem.of(404, "not-found", "No such route", "no route " + id).writeTo(exchange);
            return;
        }
        if (serving(id)) {
            Problem.of(409, "route-protected", "Route protected", "route " + id
                    + " serves the admin API or the console: stopping it would lock administrators out").writeTo(exchange);
            return;
        }
        if (action.equals("stop")) {
            context.getRouteController().stopRoute(id);
        } else {
            context.getRouteController().startRoute(id);
        }
        audit.record(admin.name(), "route-" + action, id, null);
        HttpReply.answer(exchange, 200, "route", Map.of("id", id,
                "state", context.getRouteController().getRouteStatus(id).name()));
    }

    /** The admin API's and the console's own routes (routes/admin-api.camel.yaml, administration.camel.yaml). */
    private static boolean serving(String routeId) {
        return routeId.startsWith("admin-") || routeId.startsWith("rest-admin-") || routeId.equals("console");
    }
}
