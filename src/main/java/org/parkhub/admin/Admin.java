package org.parkhub.admin;

import org.apache.camel.Exchange;

/**
 * Who is administering: a console user (session cookie) or an ADMIN participant calling with its API key. The
 * admin API's routes let an exchange through only once {@link AdminPolicy} has found one and put it here.
 */
public record Admin(String name) {

    static final String PROPERTY = "parkhub.admin";

    /** The administrator the policy admitted for this request. */
    public static Admin of(Exchange exchange) {
        Admin admin = exchange.getProperty(PROPERTY, Admin.class);
        if (admin == null) {
            throw new IllegalStateException("an admin API call reached its handler without the admin policy: "
                    + exchange.getFromRouteId());
        }
        return admin;
    }
}
