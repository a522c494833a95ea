package ca.scalloy.engine.thermo;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the alloy solidified, which decides what (Al) keeps in solution before any heat treatment.
 */
public enum ProcessRoute {
    /** Conventional casting: Scheil-Gulliver solidification. */
    CAST,
    /**
     * Rapid solidification (laser powder-bed fusion, atomised powder, melt spinning): solutes stay in
     * solution up to the technique's limit ({@code rapid-solidification-limits.csv}, with sources).
     */
    RAPID,
    /** Solidification in equilibrium (lever rule): (Al) holds what it holds at the equilibrium solidus. */
    EQUILIBRIUM;

    /**
     * The route named {@code text} (case ignored, spaces around it too).
     *
     * @throws IllegalArgumentException naming the value and the routes allowed, e.g.
     *                                  {@code process: 'LASER' is not a process route; allowed: CAST, RAPID, EQUILIBRIUM}
     */
    public static ProcessRoute parse(String text) {
        for (ProcessRoute r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("process: '" + text + "' is not a process route; allowed: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
