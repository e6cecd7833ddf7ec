package org.parkhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port 0 in the settings means "any free port"; this picks one for servers that cannot report theirs. A port
 * given is checked before the hub starts anything: the HTTP server only logs when its port is taken and the hub
 * would run without its API.
 */
final class FreePort {

    private FreePort() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** Throws, naming the setting, when another program holds the port (0, any port, always passes). */
    static void require(String host, int port, String what, String setting) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port left in TIME_WAIT by our own last run is free
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
        } catch (BindException e) {
            throw new IllegalStateException("the " + what + " port " + host + ":" + port + " is taken by another program:"
                    + " stop it or set " + setting, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the " + what + " port " + host + ":" + port, e);
        }
    }
}
