package dev.mostread.ranker.ranking;

import java.util.Arrays;

/**
 * The visitor tokens one sketch gained since it was last written whole: a busy article's sketches have records
 * of their own, and between two whole writes what they gained rides in the article's own record (which a commit
 * rewrites anyway). Replaying the tokens on the last whole sketch, or on an empty one when there is none, gives
 * exactly the sketch again: adding a token is idempotent and order does not matter, sparse or dense. A log asked to
 * be written {@linkplain #whole() whole} (a sketch that moved to another record, such as today's becoming
 * yesterday's) carries no tokens.
 */
public final class SketchLog {

    private static final int[] NONE = new int[0];

    private int[] tokens = NONE;
    private int size;
    private boolean whole;

    /** A log whose sketch must be written whole at the next flush. */
    static SketchLog wholeSketch() {
        SketchLog log = new SketchLog();
        log.whole = true;
        return log;
    }

    /** A log of {@code tokens}, as read back from a record. */
    public static SketchLog of(int[] tokens) {
        SketchLog log = new SketchLog();
        log.tokens = tokens.clone();
        log.size = tokens.length;
        return log;
    }

    void add(int token) {
        if (whole) {
            return;
        }
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(4, size * 2));
        }
        tokens[size++] = token;
    }

    /** True when the sketch must be written whole rather than logged: asked to, or more than {@code limit} tokens. */
    public boolean writeWhole(int limit) {
        return whole || size > limit;
    }

    public int size() {
        return size;
    }

    public int token(int index) {
        return tokens[index];
    }
}
