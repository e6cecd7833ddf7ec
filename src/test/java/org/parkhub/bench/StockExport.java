package org.parkhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.csv.CsvProfile;
import org.parkhub.ingest.csv.CsvProfiles;

/** The demo warehouse's GBK stock export (profile warehouse-gbk), made by the project's fixture generator. */
final class StockExport {

    private static final int SAMPLE_ROWS = 20_000;

    private StockExport() {
    }

    static CsvProfile profile() {
        return CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow();
    }

    /** Writes {@code rows} stock receipts (and the header) to {@code file}. */
    static Path write(Path file, int rows, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        CsvFixtureWriter.write(file, profile(), ProfileSamples.PARK_ZONE, ProfileSamples.stockMovements(seed, rows));
        return file;
    }

    /** The export of {@code rows} rows in {@code dir}, written once and kept for later runs (large ones take a while). */
    static Path cached(Path dir, int rows, long seed) throws IOException {
        Path file = dir.resolve("stock-" + seed + "-" + rows + ".csv");
        Path complete = dir.resolve(file.getFileName() + ".complete");
        if (!Files.exists(complete)) {
            write(file, rows, seed);
            Files.createFile(complete);
        }
        return file;
    }

    /** How many rows make a file of about {@code bytes}, measured on a sample of the same generator. */
    static int rowsFor(long bytes, long seed, Path scratch) throws IOException {
        Path sample = write(scratch.resolve("sample.csv"), SAMPLE_ROWS, seed);
        double perRow = (double) Files.size(sample) / SAMPLE_ROWS;
        Files.delete(sample);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(bytes / perRow)));
    }
}
