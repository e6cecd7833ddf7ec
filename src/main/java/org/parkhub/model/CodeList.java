package org.parkhub.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Code lists the model validates against, loaded from {@code codes/<name>.csv} on the classpath
 * ({@code code,customsCode,name}). Canonical messages use ISO codes; customs messages use the
 * customs codes, which {@link #customsCode(String)} gives.
 */
public enum CodeList {
    CURRENCY("currency"),
    COUNTRY("country"),
    UNIT("unit"),
    ID_TYPE("id-type");

    private final String resource;
    private volatile Map<String, String> customsCodes;

    CodeList(String resource) {
        this.resource = resource;
    }

    public boolean contains(String code) {
        return table().containsKey(code);
    }

    public Set<String> codes() {
        return table().keySet();
    }

    /** The customs code for a canonical code, where the two differ (currency 142 for CNY). */
    public Optional<String> customsCode(String code) {
        return Optional.ofNullable(table().get(code)).filter(c -> !c.isEmpty());
    }

    /** The canonical code for a customs code (CNY for 142). */
    public Optional<String> fromCustomsCode(String customsCode) {
        return table().entrySet().stream().filter(e -> e.getValue().equals(customsCode)).map(Map.Entry::getKey)
                .findFirst();
    }

    private Map<String, String> table() {
        Map<String, String> loaded = customsCodes;
        if (loaded == null) {
            loaded = load();
            customsCodes = loaded;
        }
        return loaded;
    }

    private Map<String, String> load() {
        String path = "/codes/" + resource + ".csv";
        try (InputStream in = CodeList.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("code list missing from the classpath: " + path);
            }
            Map<String, String> codes = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",", 3);
                codes.put(columns[0].trim(), columns.length > 1 ? columns[1].trim() : "");
            }
            return Collections.unmodifiableMap(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code list " + path, e);
        }
    }
}
