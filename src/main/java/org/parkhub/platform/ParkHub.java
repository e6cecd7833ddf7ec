package org.parkhub.platform;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.parkhub.delivery.DeliveryRoutes;
import org.parkhub.ingest.file.RemoteSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts parkhub: Camel Main with config/application.properties, the YAML routes under routes/ and the
 * hub's services. Run from the repository root; with no configuration it is the embedded default.
 */
public final class ParkHub {

    private static final Logger LOG = LoggerFactory.getLogger(ParkHub.class);

    private ParkHub() {
    }

    /**
     * Runs the hub until it is stopped. A hub that cannot start exits with status 1 and says why, rather than
     * leaving a JVM that holds its ports (the broker's threads keep it alive) and serves nothing.
     */
    public static void main(String... args) {
        int status;
        try {
            status = create(Map.of()).run(args);
        } catch (Throwable failure) {
            LOG.error("parkhub could not start: {}", ExceptionUtils.getRootCauseMessage(failure), failure);
            status = 1;
        }
        System.exit(status);
    }

    /** A hub ready to run; overrides win over every other source of configuration (tests use them). */
    public static Main create(Map<String, String> overrides) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:config/application.properties");
        // the declared defaults come last: every other source of configuration overrides them
        main.setInitialProperties(HubSettings.defaults());
        main.configure().addConfiguration(HubServices.class);
        overrides.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // route templates are loaded now: one route per hub-made delivery
                CamelContext context = configured.getCamelContext();
                try {
                    context.getRegistry().lookupByNameAndType("deliveryRoutes", DeliveryRoutes.class).install(context);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot set up the per-participant routes: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterStart(BaseMainSupport started) {
                // each firm's source starts on its own, once the hub runs: one that cannot start is reported, not fatal
                CamelContext context = started.getCamelContext();
                context.getRegistry().lookupByNameAndType("remoteSources", RemoteSources.class).install(context);
                MainHttpServer http = started.getCamelContext().hasService(MainHttpServer.class);
                if (http != null) {
                    LOG.info("http: {}://{}:{}/ (API /api/v1, health /observe/health)",
                            http.isUseGlobalSslContextParameters() ? "https" : "http", http.getHost(), http.getPort());
                }
                LOG.info("parkhub ready");
            }
        });
        return main;
    }
}
