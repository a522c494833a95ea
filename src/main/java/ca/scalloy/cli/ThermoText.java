package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import ca.scalloy.engine.thermo.DatabaseUse;

/** Text output and messages shared by the thermodynamic commands. */
final class ThermoText {

    private ThermoText() {
    }

    /** The engine's message with its field names as the options a user typed. */
    static String message(IllegalArgumentException e) {
        String m = e.getMessage();
        if (m.startsWith("tempC ")) {
            return "--temp-c " + m.substring("tempC ".length());
        }
        // a message already naming its option (the composition reader's) is left as it is
        return m.startsWith("--") ? m : "--composition: " + m;
    }

    static String wt(Map<String, Double> wt) {
        StringJoiner j = new StringJoiner(", ");
        wt.forEach((k, v) -> j.add(k + " " + String.format(Locale.ROOT, "%.4g", v)));
        return j.toString();
    }

    static String fractions(Map<String, Double> f) {
        StringJoiner j = new StringJoiner(", ");
        f.forEach((k, v) -> j.add(k + " " + String.format(Locale.ROOT, "%.4f", v)));
        return j.toString();
    }

    static void printDatabase(PrintWriter out, DatabaseUse d) {
        out.println();
        out.println("Data:");
        d.files().forEach(f -> out.println("  " + f));
        d.systems().forEach((k, v) -> out.println("  " + k + ": " + v));
        d.notes().forEach(n -> out.println("  note: " + n));
    }
}
