package dev.mostread.shared.testing;

/**
 * How big the fault and hostile-input tests run: 1 by default, 10 with {@code ./mvnw verify -Plong}
 * (the {@code mostread.test.scale} system property).
 */
public final class TestScale {

    private TestScale() {}

    public static int factor() {
        return Math.max(1, Integer.getInteger("mostread.test.scale", 1));
    }

    /** {@code base} times the scale. */
    public static int times(int base) {
        return base * factor();
    }
}
