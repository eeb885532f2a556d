package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskGuardTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aDiskWithLessFreeSpaceThanRequiredIsLowFromTheFirstCheck() {
        assertThat(new DiskGuard(dir, Long.MAX_VALUE, 0, CLOCK).low()).isTrue();
        assertThat(new DiskGuard(dir, 0, 1.01, CLOCK).low())
                .as("more than the whole disk")
                .isTrue();
    }

    @Test
    void aDiskWithRoomIsNotLowAndADataDirNotYetMadeIsJudgedByItsParent() {
        assertThat(new DiskGuard(dir, 1, 0, CLOCK).low()).isFalse();
        assertThat(new DiskGuard(dir.resolve("not/yet/there"), Long.MAX_VALUE, 0, CLOCK).low())
                .isTrue();
    }
}
