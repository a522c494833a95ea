package ca.scalloy.engine.kinetics;

import java.util.List;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.props.ModelNote;

/**
 * What a schedule does to an alloy: its state at points over time (log-spaced within each step, the
 * quenched state first) and the strongest of them.
 *
 * @param start    the state it entered ageing in
 * @param schedule the schedule
 * @param points   states over time, in order
 * @param peak     the point with the highest yield strength
 * @param warnings what a metallurgist should know about this result
 * @param models   what the result rests on
 */
public record AgeingResult(StartingState start, AgeingSchedule schedule, List<AgeingPoint> points, AgeingPoint peak,
                           List<Message> warnings, List<ModelNote> models) {

    public AgeingResult {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        models = List.copyOf(models);
    }

    /** The state at the end of the schedule. */
    public AgeingPoint last() {
        return points.get(points.size() - 1);
    }

    /** The quenched state, before ageing. */
    public AgeingPoint first() {
        return points.get(0);
    }
}
