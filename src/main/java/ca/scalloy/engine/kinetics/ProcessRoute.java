package ca.scalloy.engine.kinetics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the alloy was made before ageing: what it keeps in solution depends on it. */
public enum ProcessRoute {
    /** Conventional casting (direct-chill or mould), then aged. */
    CAST,
    /** Rapid solidification: laser powder-bed fusion, atomised powder, melt spinning. */
    RAPID,
    /** Solidified in equilibrium (lever rule), or homogenised: (Al) holds what it holds just below the solidus. */
    EQUILIBRIUM;

    /**
     * The route named {@code text} (case ignored).
     *
     * @throws IllegalArgumentException naming the value and the routes allowed
     */
    public static ProcessRoute parse(String text) {
        for (ProcessRoute r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("process: '" + text + "' is not a process route; allowed: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")).toUpperCase(Locale.ROOT));
    }
}
