package dev.workspace.mfa.core.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Replaces the application's clock in the test deployment: an enabled alternative, its producer wins. */
@ApplicationScoped
@Alternative
@Priority(1000)
public class MovableClockProducer {

    private static final MovableClock CLOCK = new MovableClock();

    @Produces
    Clock clock() {
        return CLOCK;
    }
}
