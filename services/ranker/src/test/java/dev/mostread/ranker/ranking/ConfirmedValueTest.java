package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfirmedValueTest {

    private static final int CONFIRMATIONS = 3;
    private static final String REAL = "Budget vote tonight";
    private static final String FAKE = "BREAKING: claim your refund";

    @Test
    void theFirstValueIsShownAtOnce() {
        ConfirmedValue title = new ConfirmedValue(null);

        assertThat(title.offer(REAL, null, CONFIRMATIONS)).isTrue();
        assertThat(title.shown()).isEqualTo(REAL);
    }

    @Test
    void aNewValueNeedsThreeDistinctVisitorsAndOneVisitorRepeatingItIsOne() {
        ConfirmedValue title = new ConfirmedValue(REAL);

        for (int i = 0; i < 10; i++) {
            assertThat(title.offer(FAKE, "attacker", CONFIRMATIONS)).isFalse();
        }
        assertThat(title.offer(FAKE, null, CONFIRMATIONS))
                .as("no visitor id: no vote")
                .isFalse();
        assertThat(title.offer(FAKE, "second", CONFIRMATIONS)).isFalse();
        assertThat(title.shown()).isEqualTo(REAL);

        assertThat(title.offer(FAKE, "third", CONFIRMATIONS)).isTrue();
        assertThat(title.shown()).isEqualTo(FAKE);
    }

    @Test
    void aFloodOfInventedValuesCannotPushOutTheOneReadersAreConfirming() {
        ConfirmedValue title = new ConfirmedValue("Old title");
        title.offer(REAL, "reader-1", CONFIRMATIONS);
        title.offer(REAL, "reader-2", CONFIRMATIONS);

        for (int i = 0; i < 1000; i++) {
            title.offer("spam " + i, "bot-" + i, CONFIRMATIONS);
        }

        assertThat(title.votes(REAL)).isEqualTo(2);
        assertThat(title.offer(REAL, "reader-3", CONFIRMATIONS)).isTrue();
        assertThat(title.shown()).isEqualTo(REAL);
    }

    @Test
    void withOneConfirmationEveryViewIsTrusted() {
        ConfirmedValue title = new ConfirmedValue(REAL);

        assertThat(title.offer(FAKE, null, 1)).isTrue();
        assertThat(title.shown()).isEqualTo(FAKE);
    }
}
