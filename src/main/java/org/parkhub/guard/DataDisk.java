package org.parkhub.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The disk under the data directory (journal, broker, files): below its minimum of free space the hub takes no
 * new work, since what it accepted it could not keep.
 */
public final class DataDisk {

    private final Path dataDir;
    private final long minFreeBytes;

    public DataDisk(Path dataDir, long minFreeBytes) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
    }

    public long freeBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the disk counts as full, or empty while it has room. */
    public Optional<String> full() {
        long free = freeBytes();
        return free < minFreeBytes ? Optional.of("the data disk has " + free / (1024 * 1024) + " MB free, below the minimum of "
                + minFreeBytes / (1024 * 1024) + " MB") : Optional.empty();
    }
}
