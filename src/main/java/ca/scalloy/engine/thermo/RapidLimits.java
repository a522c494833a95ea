package ca.scalloy.engine.thermo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The solute limits of rapid solidification, read once from {@code rapid-solidification-limits.csv}. */
final class RapidLimits {

    /** One limit with its source. */
    record Limit(RapidTechnique technique, String element, double limitWtPct, String coolingRateKPerS, String tag, String source) {
    }

    private static final RapidLimits STANDARD = load("rapid-solidification-limits.csv");

    private final Map<RapidTechnique, Map<String, Limit>> limits;

    private RapidLimits(Map<RapidTechnique, Map<String, Limit>> limits) {
        this.limits = limits;
    }

    static RapidLimits standard() {
        return STANDARD;
    }

    /** The limit of an element for a technique, or null when the technique keeps it all. */
    Limit limit(RapidTechnique technique, String element) {
        return limits.getOrDefault(technique, Map.of()).get(element);
    }

    private static RapidLimits load(String name) {
        Map<RapidTechnique, Map<String, Limit>> out = new EnumMap<>(RapidTechnique.class);
        try (InputStream in = RapidLimits.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the thermodynamic resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 6);
                if (f.length != 6) {
                    throw new IllegalStateException(name + " line " + no + ": 6 fields expected (technique,element,limitWtPct,coolingRateKPerS,tag,source)");
                }
                RapidTechnique t = RapidTechnique.valueOf(f[0].strip());
                double limit = Double.parseDouble(f[2].strip());
                if (!(limit >= 0)) {
                    throw new IllegalStateException(name + " line " + no + ": limitWtPct must be >= 0, was " + limit);
                }
                out.computeIfAbsent(t, k -> new HashMap<>()).put(f[1].strip(),
                        new Limit(t, f[1].strip(), limit, f[3].strip(), f[4].strip(), f[5].strip().replaceAll("^\"|\"$", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RapidLimits(out);
    }
}
