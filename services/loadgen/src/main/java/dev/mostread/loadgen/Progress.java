package dev.mostread.loadgen;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Prints how far a long run has come, at most once a second. */
public final class Progress {

    private final String what;
    private final long total;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastPrintedAt = startedAt;

    public Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = total;
        this.out = out;
    }

    public static Progress quiet(String what, long total) {
        return new Progress(what, total, null);
    }

    public void add(long n) {
        long now = System.nanoTime();
        long sum = done.addAndGet(n);
        if (out != null && now - lastPrintedAt >= 1_000_000_000L) {
            lastPrintedAt = now;
            out.printf(
                    "  %s: %,d%s (%,.0f/s)%n",
                    what, sum, total > 0 ? String.format(" of %,d", total) : "", sum / seconds(now));
        }
    }

    public long done() {
        return done.get();
    }

    public double perSecond() {
        return done.get() / seconds(System.nanoTime());
    }

    private double seconds(long now) {
        return Math.max(1e-9, (now - startedAt) / 1e9);
    }
}
