package org.parkhub.bench;

import java.time.Duration;

/**
 * The CPU time a process has used so far (user and system, all its threads). On this shared 2-core machine a
 * hub's CPU time per message varies far less from run to run than its throughput does, so the report gives both.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static Duration used(Process process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS gives no CPU time for process " + process.pid()));
    }
}
