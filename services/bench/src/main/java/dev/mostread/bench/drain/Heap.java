package dev.mostread.bench.drain;

import java.lang.management.ManagementFactory;

/** Heap in use once garbage is gone: what a process really keeps. */
final class Heap {

    private Heap() {}

    static long retained() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
