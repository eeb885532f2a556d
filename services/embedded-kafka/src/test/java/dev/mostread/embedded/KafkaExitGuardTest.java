package dev.mostread.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KafkaExitGuardTest {

    private final List<String> endings = new ArrayList<>();

    @AfterEach
    void forgetTheGuard() {
        Exit.resetHaltProcedure();
        Exit.resetExitProcedure();
        System.clearProperty(KafkaExitGuard.EXIT_ON_FATAL_PROPERTY);
    }

    @Test
    void aFatalHaltIsLoggedWithItsReasonAndTheAskingThreadBeforeTheProcessEndsAsKafkaAsked(CapturedOutput output) {
        KafkaExitGuard.install((halt, status) -> endings.add((halt ? "halt " : "exit ") + status));

        Exit.halt(1, "Encountered fatal fault: the metadata log is corrupt");

        assertThat(endings).containsExactly("halt 1");
        assertThat(output)
                .contains(
                        "Kafka asked to halt the JVM with status 1: Encountered fatal fault: the metadata log is corrupt")
                .contains("at org.apache.kafka.common.utils.Exit.halt");
    }

    @Test
    void anExitEndsTheProcessAsAnExitNotAHalt(CapturedOutput output) {
        KafkaExitGuard.install((halt, status) -> endings.add((halt ? "halt " : "exit ") + status));

        Exit.exit(2);

        assertThat(endings).containsExactly("exit 2");
        assertThat(output).contains("Kafka asked to exit the JVM with status 2; ending the process now");
    }

    @Test
    void withExitOnFatalOffTheAskingThreadFailsWithTheReasonAndTheProcessGoesOn(CapturedOutput output) {
        System.setProperty(KafkaExitGuard.EXIT_ON_FATAL_PROPERTY, "false");
        KafkaExitGuard.install();

        assertThatThrownBy(() -> Exit.halt(1, "all log dirs have failed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka asked to halt the JVM with status 1: all log dirs have failed");
        assertThat(output)
                .contains("mostread.kafka.embedded.exit-on-fatal is false, so the asking thread fails instead");
    }
}
