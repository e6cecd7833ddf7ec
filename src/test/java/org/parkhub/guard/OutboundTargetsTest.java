package org.parkhub.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Webhook URLs are parsed strictly, and the park's own network is no target unless the park allows it. */
class OutboundTargetsTest {

    private final OutboundTargets park = new OutboundTargets(false);

    @Test
    void urlsAreParsedStrictly() {
        assertThat(OutboundTargets.syntaxProblem("https://firm.example/hook?x=1")).isEmpty();
        assertThat(OutboundTargets.syntaxProblem("http://127.0.0.1:19998/a b")).get().asString().contains("not a valid URL");
        assertThat(OutboundTargets.syntaxProblem("ftp://firm.example/hook")).get().asString().contains("http(s)");
        assertThat(OutboundTargets.syntaxProblem("https:/firm.example")).get().asString().contains("with a host");
        assertThat(OutboundTargets.syntaxProblem("https://user:pw@firm.example/hook")).get().asString().contains("user or password");
        assertThat(OutboundTargets.syntaxProblem("https://firm.example/hook#part")).get().asString().contains("fragment");
        assertThat(OutboundTargets.syntaxProblem(null)).isPresent();
    }

    @Test
    void theParksOwnNetworkIsNoTarget() {
        for (String url : List.of("http://127.0.0.1:19998/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://172.16.0.9/hook", "http://192.168.1.20/hook", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd00::1]/hook",
                "http://[fe80::1]/hook", "http://224.0.0.1/hook")) {
            assertThat(park.targetProblem(url)).as(url).get().asString().contains("inside the park's own network");
        }
        assertThat(new OutboundTargets(true).targetProblem("http://127.0.0.1:19998/hook")).as("allowed by the park").isEmpty();
    }

    @Test
    void publicAddressesAndNamesNotYetResolvableAreTargets() {
        assertThat(park.targetProblem("https://203.0.113.10/hook")).isEmpty();
        assertThat(park.targetProblem("https://[2001:db8::10]/hook")).isEmpty();
        assertThat(park.targetProblem("https://receiver.invalid/hook")).as("checked again at each delivery").isEmpty();
    }
}
