package dev.mostread.collector.collect;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Tells when the disk under the data dir is nearly full (§7, no full disk): below {@code minFreeBytes} or below
 * {@code minFreeRatio} of the disk, whichever is larger. The collector then answers 503 before the embedded
 * broker's log fills the disk and halts the whole process. Checked at most once a second.
 */
public class DiskGuard {

    private static final long RECHECK_MILLIS = 1000;

    private final Path dataDir;
    private final long minFreeBytes;
    private final double minFreeRatio;
    private final Clock clock;
    private volatile long checkedAt = Long.MIN_VALUE / 2;
    private volatile boolean low;

    public DiskGuard(Path dataDir, long minFreeBytes, double minFreeRatio, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath();
        this.minFreeBytes = minFreeBytes;
        this.minFreeRatio = minFreeRatio;
        this.clock = clock;
    }

    public boolean low() {
        long now = clock.millis();
        if (now - checkedAt >= RECHECK_MILLIS || now < checkedAt) {
            low = check();
            checkedAt = now;
        }
        return low;
    }

    private boolean check() {
        Path existing = dataDir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            FileStore store = Files.getFileStore(existing);
            long free = store.getUsableSpace();
            long needed = Math.max(minFreeBytes, (long) (store.getTotalSpace() * minFreeRatio));
            return free < needed;
        } catch (IOException e) {
            return false;
        }
    }
}
