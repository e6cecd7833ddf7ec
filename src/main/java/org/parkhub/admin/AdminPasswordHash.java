package org.parkhub.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.parkhub.participant.SecretHasher;

/**
 * Prints the hash of an administrator's password for the admins file. The password is read from the
 * terminal without echo, or from standard input, never from the command line (it would land in the
 * shell's history and the process list).
 */
public final class AdminPasswordHash {

    private static final int MIN_LENGTH = 12;

    private AdminPasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password for the admin: ");
            password = typed == null ? "" : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < MIN_LENGTH) {
            System.err.println("an admin password has at least " + MIN_LENGTH + " characters");
            System.exit(2);
        }
        System.out.println(new SecretHasher().hash(password));
    }
}
