package dev.retort;

import java.util.Map;

/**
 * What a trial evaluates. Returned number values are metrics; an optional {@code cost} entry feeds the
 * experiment's cost budget. Throwing marks the attempt failed and records the message.
 *
 * <p>Implementations found by class name (plan key {@code objective.class}) need a public no-argument
 * constructor.
 */
@FunctionalInterface
public interface Objective {
    Map<String, Object> evaluate(Trial trial) throws Exception;
}
