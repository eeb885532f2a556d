package dev.mostread.bench.drain;

import java.lang.management.ManagementFactory;

/**
 * CPU time this process has used, on every thread. A drain's fork holds only the drain (the broker runs in the
 * harness's JVM), so CPU per view is what a view costs the drain itself: steadier than its wall-clock rate on a
 * shared 2-core machine, whose speed moves by a third from one run to the next.
 */
final class Cpu {

    private Cpu() {}

    /** CPU seconds since {@code start} (a {@link #processNanos()}), or -1 where the JVM does not say. */
    static double secondsSince(long start) {
        long now = processNanos();
        return start < 0 || now < 0 ? -1 : (now - start) / 1e9;
    }

    static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
