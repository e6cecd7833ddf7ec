package org.parkhub.guard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the hub may send on a firm's behalf (webhooks): an absolute http(s) URL, parsed strictly, whose host is
 * not the hub's own machine or the park's internal network (loopback, link-local such as cloud metadata, private,
 * carrier-grade NAT, unique-local IPv6, multicast) unless the park allows such targets in its configuration.
 * Hosts are checked when a URL is set and again at every delivery, as names may move.
 */
public final class OutboundTargets {

    private final boolean allowInternal;

    public OutboundTargets(boolean allowInternal) {
        this.allowInternal = allowInternal;
    }

    /** What is wrong with the URL as written (no network involved), or empty. */
    public static Optional<String> syntaxProblem(String url) {
        if (url == null) {
            return Optional.of("a webhook delivery needs an http(s) url");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("the webhook url is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "): encode spaces and other special characters");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("a webhook delivery needs an http(s) url with a host, not " + url);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the webhook url may not carry a user or password: the hub signs its requests instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("the webhook url may not have a fragment (#...)");
        }
        return Optional.empty();
    }

    /**
     * Why the hub will not send to the URL's host, or empty. A name that does not resolve now is not refused here
     * (the receiver's system may not be up yet); each delivery resolves it again.
     */
    public Optional<String> targetProblem(String url) {
        Optional<String> syntax = syntaxProblem(url);
        if (syntax.isPresent() || allowInternal) {
            return syntax;
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("the webhook host " + host + " is " + address.getHostAddress() + ", an address inside the"
                        + " park's own network; the hub does not send there unless the park allows it"
                        + " (parkhub.delivery.allow-internal-targets)");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // carrier-grade NAT 100.64.0.0/10
    }
}
