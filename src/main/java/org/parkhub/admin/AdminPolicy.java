package org.parkhub.admin;

import java.util.Optional;

import org.apache.camel.Exchange;

/**
 * The one check in front of every admin API route (routes/admin-api.camel.yaml runs it first): a park administrator
 * goes on to the handler, named in the exchange ({@link Admin#of}); anyone else has been answered 401 or 403 by
 * {@link AdminAccess} and the route stops there.
 */
public class AdminPolicy {

    private final AdminAccess access;

    public AdminPolicy(AdminAccess access) {
        this.access = access;
    }

    public void admit(Exchange exchange) {
        Optional<Admin> admin = access.administrator(exchange);
        if (admin.isPresent()) {
            exchange.setProperty(Admin.PROPERTY, admin.get());
        } else {
            exchange.setRouteStop(true);
        }
    }
}
