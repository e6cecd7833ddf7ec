package org.parkhub.admin;

/** Who is administering: a console user (session cookie) or an ADMIN participant calling with its API key. */
public record Admin(String name) {
}
