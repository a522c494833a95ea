package ca.scalloy.engine.thermo;

import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.Composition;

/** Test helpers: compositions written as on the command line. */
final class ThermoTesting {

    private ThermoTesting() {
    }

    /** {@code "Sc=0.3,Zr=0.1"}, wt%, balance Al. */
    static Composition wt(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String kv : text.split(",")) {
            String[] p = kv.split("=");
            m.put(p[0].strip(), Double.parseDouble(p[1]));
        }
        return new Composition(m, "Al");
    }

    /** Mole fraction of a solute of mass {@code m} at {@code wtPct} in Al. */
    static double moleFraction(double wtPct, double m) {
        double s = wtPct / m;
        return s / (s + (100 - wtPct) / 26.9815385);
    }
}
