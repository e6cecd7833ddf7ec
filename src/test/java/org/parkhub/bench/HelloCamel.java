package org.parkhub.bench;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** The start-up baseline: Camel Main with one hello-world route, saying so once it has started. */
public final class HelloCamel {

    static final String READY = "hello-world ready";

    private HelloCamel() {
    }

    public static void main(String... args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:hello?period=1000").log("hello world");
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                System.out.println(READY);
            }
        });
        main.run(args);
    }
}
