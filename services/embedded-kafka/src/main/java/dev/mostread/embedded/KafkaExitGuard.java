package dev.mostread.embedded;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's server code ends the process itself on a fatal fault: its fault handlers call {@code Exit.halt(1)}, and
 * some start-up errors {@code Exit.exit}. {@code Runtime.halt} writes nothing and runs no shutdown hook, so in a
 * process that hosts a broker (the standalone app, a test JVM) the app would vanish without a word. The embedded
 * broker installs this guard before it starts: every such call is logged first, with its status, Kafka's message
 * and the stack of the thread that asked, and then the process ends as Kafka asked.
 *
 * <p>With {@value #EXIT_ON_FATAL_PROPERTY}{@code =false} (the build's tests set it) the guard throws instead of
 * ending the process: the thread that hit the fault fails with the reason, the test that started the broker
 * fails on what follows, and the other tests of its JVM still run and report.
 */
public final class KafkaExitGuard {

    /** {@code false} makes a fatal Kafka fault throw rather than end the process (tests only). */
    public static final String EXIT_ON_FATAL_PROPERTY = "mostread.kafka.embedded.exit-on-fatal";

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);

    /** How the process ends: {@link Runtime#halt} for a halt, {@link System#exit} for an exit. */
    @FunctionalInterface
    public interface Ending {
        void end(boolean halt, int status);
    }

    private static final Ending PROCESS = (halt, status) -> {
        if (halt) {
            Runtime.getRuntime().halt(status);
        } else {
            System.exit(status);
        }
    };

    private KafkaExitGuard() {}

    /** Installs the guard with the process's own ending, or with none when {@value #EXIT_ON_FATAL_PROPERTY} is false. */
    public static void install() {
        install(Boolean.parseBoolean(System.getProperty(EXIT_ON_FATAL_PROPERTY, "true")) ? PROCESS : null);
    }

    /** Installs the guard; {@code ending} null throws instead of ending. Replaces whatever procedures were set. */
    public static synchronized void install(Ending ending) {
        Exit.setHaltProcedure((status, message) -> stop(ending, true, status, message));
        Exit.setExitProcedure((status, message) -> stop(ending, false, status, message));
    }

    private static void stop(Ending ending, boolean halt, int status, String message) {
        String what =
                (halt ? "halt" : "exit") + " the JVM with status " + status + (message == null ? "" : ": " + message);
        IllegalStateException reason = new IllegalStateException("Kafka asked to " + what);
        if (ending == null) {
            log.error(
                    "Kafka asked to {}; {} is false, so the asking thread fails instead",
                    what,
                    EXIT_ON_FATAL_PROPERTY,
                    reason);
            throw reason;
        }
        log.error("Kafka asked to {}; ending the process now", what, reason);
        ending.end(halt, status);
    }
}
