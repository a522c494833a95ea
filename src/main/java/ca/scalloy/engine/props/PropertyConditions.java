package ca.scalloy.engine.props;

import java.util.Objects;

import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * What the property estimate is for besides the composition: how the metal was made, how it was aged, the planned
 * melt holding temperature to check, and a measured grain size.
 *
 * @param route       process route (CAST: conventional casting, Scheil-Gulliver; RAPID: laser powder-bed fusion;
 *                    EQUILIBRIUM: solidified or solution-treated in equilibrium)
 * @param schedule    ageing schedule (one or more steps), or null for the state after the route
 * @param holdTempC   planned melt holding temperature to check against the liquidus, °C, or null
 * @param grainSizeUm the product's grain size when known (e.g. a recrystallised sheet), µm, from 0.1 to 10,000; null:
 *                    the route's grain (cast coarse or refined, or that of laser powder-bed fusion)
 */
public record PropertyConditions(ProcessRoute route, AgeingSchedule schedule, Double holdTempC, Double grainSizeUm) {

    public PropertyConditions {
        Objects.requireNonNull(route, "route");
        if (holdTempC != null && !Double.isFinite(holdTempC)) {
            throw new IllegalArgumentException("holdTempC must be a finite number, was " + holdTempC);
        }
        if (grainSizeUm != null && (!Double.isFinite(grainSizeUm) || grainSizeUm < 0.1 || grainSizeUm > 10_000)) {
            throw new IllegalArgumentException("grainSizeUm must be from 0.1 to 10000 µm, was " + grainSizeUm);
        }
    }

    /** Conventionally cast, not aged. */
    public static PropertyConditions cast() {
        return new PropertyConditions(ProcessRoute.CAST, null, null, null);
    }

    /** Conventionally cast, then as {@code ageing} says (a single step, or none). */
    public static PropertyConditions of(Ageing ageing) {
        return cast().withSchedule(ageing.isAged() && ageing.hours() > 0 ? AgeingSchedule.of(ageing.tempC(), ageing.hours()) : null);
    }

    public PropertyConditions withRoute(ProcessRoute newRoute) {
        return new PropertyConditions(newRoute, schedule, holdTempC, grainSizeUm);
    }

    public PropertyConditions withSchedule(AgeingSchedule newSchedule) {
        return new PropertyConditions(route, newSchedule, holdTempC, grainSizeUm);
    }

    public PropertyConditions withHoldTempC(Double newHoldTempC) {
        return new PropertyConditions(route, schedule, newHoldTempC, grainSizeUm);
    }

    public PropertyConditions withGrainSizeUm(Double newGrainSizeUm) {
        return new PropertyConditions(route, schedule, holdTempC, newGrainSizeUm);
    }

    /** Whether an ageing schedule is applied. */
    public boolean aged() {
        return schedule != null;
    }
}
