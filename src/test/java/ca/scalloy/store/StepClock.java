package ca.scalloy.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that starts at a fixed instant and moves one minute on at every reading. */
final class StepClock extends Clock {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant t = now;
        now = now.plus(Duration.ofMinutes(1));
        return t;
    }
}
