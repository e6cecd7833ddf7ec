package org.parkhub.precheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A YAML file of the park's (tax tables, the positive list) read again when it changes, so that a new policy takes
 * effect without a restart. A changed file that does not read, or that its checker refuses, leaves what was read
 * before in place and says why in the log: a typo never leaves the pre-check without its tables.
 */
final class ReloadingYaml<T> {

    /** Turns what the file holds into what the hub uses, refusing (IllegalArgumentException) what is not sound. */
    interface Reader<F, T> {
        T read(F parsed);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingYaml.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());

    private record Loaded<T>(FileTime modified, T value) {
    }

    private final Path file;
    private final Class<?> format;
    private final Reader<Object, T> reader;
    private volatile Loaded<T> loaded;

    @SuppressWarnings("unchecked")
    private <F> ReloadingYaml(Path file, Class<F> format, Reader<F, T> reader) {
        this.file = file;
        this.format = format;
        this.reader = (Reader<Object, T>) reader;
    }

    /** Reads the file now; one that does not read stops the start with the reason. */
    static <F, T> ReloadingYaml<T> load(Path file, Class<F> format, Reader<F, T> reader) throws IOException {
        ReloadingYaml<T> yaml = new ReloadingYaml<>(file, format, reader);
        yaml.loaded = yaml.read();
        return yaml;
    }

    T current() {
        Loaded<T> known = loaded;
        try {
            if (!Files.getLastModifiedTime(file).equals(known.modified())) {
                synchronized (this) {
                    if (loaded == known) {
                        loaded = read();
                        LOG.info("{} read again", file);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("{} not read again, what was read before stays: {}", file, e.getMessage());
        }
        return loaded.value();
    }

    private Loaded<T> read() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        try {
            return new Loaded<>(modified, reader.read(YAML.readValue(file.toFile(), format)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
