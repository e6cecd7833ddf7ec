package org.parkhub.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.parkhub.participant.SecretHasher;

/**
 * The park administrators who may log in to the console, from the admins file: user names with Argon2id
 * password hashes only (never a password in clear), made with {@link AdminPasswordHash}.
 */
public class AdminUsers {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{2,32}");

    record Entry(String user, String passwordHash) {
    }

    record File(List<Entry> admins) {
    }

    private final Map<String, String> hashes;
    private final SecretHasher hasher;
    // checked against when the user is unknown, so that a wrong name takes as long as a wrong password
    private final String decoyHash;

    AdminUsers(Map<String, String> hashes, SecretHasher hasher) {
        this.hashes = Map.copyOf(hashes);
        this.hasher = hasher;
        this.decoyHash = hasher.hash("not a password of anyone");
    }

    public static AdminUsers load(Path file, SecretHasher hasher) {
        File read;
        try {
            read = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read admins file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Entry entry : read.admins() == null ? List.<Entry>of() : read.admins()) {
            if (entry.user() == null || !USER.matcher(entry.user()).matches()) {
                throw new IllegalArgumentException(file + ": admin user names match " + USER.pattern() + ", not " + entry.user());
            }
            if (entry.passwordHash() == null || !entry.passwordHash().startsWith("$argon2")) {
                throw new IllegalArgumentException(file + ": admin " + entry.user()
                        + " needs a passwordHash made by org.parkhub.admin.AdminPasswordHash (an Argon2 hash, not a password)");
            }
            if (hashes.put(entry.user(), entry.passwordHash()) != null) {
                throw new IllegalArgumentException(file + ": admin " + entry.user() + " is listed twice");
            }
        }
        return new AdminUsers(hashes, hasher);
    }

    /** The user when the password is theirs. */
    public Optional<String> verify(String user, String password) {
        String hash = user == null ? null : hashes.get(user);
        boolean matches = hasher.matches(password == null ? "" : password, hash == null ? decoyHash : hash);
        return matches && hash != null ? Optional.of(user) : Optional.empty();
    }

    public boolean exists(String user) {
        return hashes.containsKey(user);
    }

    public int count() {
        return hashes.size();
    }
}
