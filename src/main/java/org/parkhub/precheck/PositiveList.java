package org.parkhub.precheck;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The positive list (跨境电子商务零售进口商品清单) of {@code config/customs/positive-list.yaml}: the tariff lines that may
 * come in as retail imports, edition by edition from the day each applies, each with the list's note. Read again when
 * the park replaces the file.
 */
public final class PositiveList {

    /** One edition: from when, what it is, and its codes (8-digit tariff lines or 10-digit codes) with their notes. */
    record Edition(LocalDate from, String name, Map<String, String> codes) {
    }

    record File(List<Edition> editions) {
    }

    /** A code found on the edition of a day: which entry and its note. */
    public record Entry(String edition, String code, String note) {
    }

    private final ReloadingYaml<List<Edition>> file;

    private PositiveList(ReloadingYaml<List<Edition>> file) {
        this.file = file;
    }

    public static PositiveList load(Path file) throws IOException {
        return new PositiveList(ReloadingYaml.load(file, File.class, PositiveList::editions));
    }

    /** The entry an HS code falls under on a day, if it is on the list then. */
    public Optional<Entry> find(String hsCode, LocalDate day) {
        Edition edition = on(day);
        return edition.codes().entrySet().stream().filter(e -> hsCode != null && hsCode.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> new Entry(edition.name(), e.getKey(), e.getValue()));
    }

    /** The edition of a day: the latest that started by then (the first, for days before it). */
    public String editionOn(LocalDate day) {
        return on(day).name();
    }

    private Edition on(LocalDate day) {
        return Editions.on(file.current(), Edition::from, day);
    }

    private static List<Edition> editions(File parsed) {
        if (parsed.editions() == null || parsed.editions().isEmpty()) {
            throw new IllegalArgumentException("no edition of the list");
        }
        for (Edition e : parsed.editions()) {
            if (e.from() == null || e.codes() == null || e.codes().isEmpty()) {
                throw new IllegalArgumentException("each edition names from and its codes");
            }
            e.codes().keySet().stream().filter(code -> !code.matches("[0-9]{8}([0-9]{2})?")).findFirst()
                    .ifPresent(code -> {
                        throw new IllegalArgumentException("edition from " + e.from() + ": '" + code
                                + "' is not an 8-digit tariff line or a 10-digit code");
                    });
        }
        return parsed.editions().stream().sorted(Comparator.comparing(Edition::from)).toList();
    }
}
