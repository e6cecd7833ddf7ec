package org.parkhub.bench;

import java.time.Duration;

/**
 * The CPU time a process has used so far (user and system, all its threads). A hub the benchmark keeps busy is
 * bound by its CPU, so its CPU time per message is the cost that sets its rate, apart from any waiting.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static Duration used(Process process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS gives no CPU time for process " + process.pid()));
    }
}
