package ca.scalloy.engine.charge;

import java.util.List;

/**
 * What each limit of an optimal charge costs and over which prices the charge stays as it is, read
 * from the optimal basis of the LP (decision 0017).
 *
 * @param objective   the objective the charge was solved for
 * @param limits      every element limit the program states (a minimum above 0, a maximum), in target order
 * @param materials   every material of the recipe, in recipe order
 * @param unavailable why there is no analysis (then both lists are empty), or null
 * @param movesWithPrice the charge was solved with chance constraints and sits on a curved part of them: a
 *                    charged material's price range is then only its price (the charge follows the
 *                    curved constraint and moves with any price)
 */
public record ChargeSensitivity(Objective objective, List<LimitSensitivity> limits, List<PriceRange> materials,
                                Unavailable unavailable, boolean movesWithPrice) {

    public ChargeSensitivity {
        limits = List.copyOf(limits);
        materials = List.copyOf(materials);
    }

    /** No analysis, for {@code reason}. */
    static ChargeSensitivity unavailable(Objective objective, Unavailable reason) {
        return new ChargeSensitivity(objective, List.of(), List.of(), reason, false);
    }

    /** Which side of an element's range a limit is. */
    public enum Bound { MIN, MAX }

    /** Why a charge has no sensitivity analysis. */
    public enum Unavailable {
        /** No charge meets the limits. */
        INFEASIBLE,
        /** Solved for whole pieces: a mixed-integer program has no duals. */
        WHOLE_PIECES,
        /** The solver's answer was not a basic solution the basis could be recovered from. */
        NO_BASIS
    }

    /**
     * One limit.
     *
     * @param element            the element
     * @param bound              MIN or MAX
     * @param limitPct           the limit, wt%
     * @param binding            whether the charge sits on it (or, for a robust charge, on its chance constraint)
     * @param costPerPctRelaxed  the fall of the charge's cost for one percentage point of relaxation (a minimum
     *                           lowered, a maximum raised), at the rate that holds at the limit; 0 when not
     *                           binding. Under AIM and MIN_CO2 the cost of the charge that objective picks (its
     *                           first stage moves with the limit, then the cost stage): it may be negative
     * @param co2KgPerPctRelaxed under MIN_CO2, the fall of the least CO2 (kg) for one percentage point; else null
     */
    public record LimitSensitivity(String element, Bound bound, double limitPct, boolean binding, double costPerPctRelaxed,
                                   Double co2KgPerPctRelaxed) {
    }

    /**
     * One material's price (and, under MIN_CO2, CO2 factor) range over which the charged masses stay the same.
     *
     * @param materialId the material
     * @param inCharge   whether it is charged
     * @param pricePerKg its price
     * @param priceLow   the lowest price at which the charge stays the same (for an unused material: the price at
     *                   which it would enter); null when unbounded (no price above 0 changes the charge)
     * @param priceHigh  the highest; null when unbounded
     * @param co2KgPerKg its CO2 per kg
     * @param co2Low     under MIN_CO2, the lowest CO2 per kg at which the charge stays the same; null otherwise or when unbounded
     * @param co2High    under MIN_CO2, the highest; null otherwise or when unbounded
     */
    public record PriceRange(String materialId, boolean inCharge, double pricePerKg, Double priceLow, Double priceHigh,
                             double co2KgPerKg, Double co2Low, Double co2High) {
    }
}
