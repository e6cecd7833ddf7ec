package org.parkhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident set size, as Linux keeps it (VmHWM in /proc/&lt;pid&gt;/status). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long peakRssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM for process " + pid);
    }
}
