package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.thermo.DatabaseUse;
import ca.scalloy.engine.thermo.Invariant;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.io.PropertiesJson;

/**
 * {@code scalloy solvus --element Sc|Zr --temp-c T [--json]}: solubility in (Al) against Al3Sc or Al3Zr, from the
 * CALPHAD core (binary Al-Sc, Al-Zr), from the lowest temperature of the data to the invariant where the liquid forms.
 */
@Command(name = "solvus", mixinStandardHelpOptions = true,
        description = "Solubility of Sc or Zr in (Al) at a temperature, from the CALPHAD databases.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:invalid input"})
final class SolvusCommand extends JsonCapableCommand {

    /** The precipitate each element's solubility is against. */
    private static final Map<String, String> PHASES = Map.of("Sc", "AL3SC", "Zr", "AL3ZR");

    @Option(names = "--element", required = true, paramLabel = "Sc|Zr", description = "The solute.")
    String element;

    @Option(names = "--temp-c", required = true, paramLabel = "T", description = "Temperature, °C.")
    double tempC;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        ThermoCalculator thermo = ThermoCalculator.alRichCorner();
        String phase = PHASES.get(element);
        double wtPct;
        DatabaseUse database;
        try {
            if (phase == null) {
                throw new IllegalArgumentException("--element: no solvus for '" + element + "'; allowed: Sc, Zr");
            }
            Composition probe = new Composition(Map.of(element, 0.01), "Al");
            Invariant invariant = thermo.binaryInvariant(element, phase);
            double lowC = thermo.minTempC(probe);
            if (!Double.isFinite(tempC) || tempC < lowC || tempC > invariant.tempC()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--temp-c must be from %.0f °C (the data) to %.1f °C (the Al-%s"
                        + " %s, where liquid forms), was %s", lowC, invariant.tempC(), element, element.equals("Sc") ? "eutectic" : "peritectic",
                        tempC));
            }
            wtPct = thermo.solubilityWtPct(element, phase, tempC);
            database = thermo.database(probe);
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
        double atPct = atPct(element, wtPct);
        if (json) {
            out.println(PropertiesJson.solvusToJson(element, phase, tempC, wtPct, atPct, database));
        } else {
            out.printf(Locale.ROOT, "%s in (Al) against %s at %.1f °C: %.6f wt%% (%.6f at%%)%n", element, phase, tempC, wtPct, atPct);
            out.println("Data: " + String.join("; ", database.files()));
        }
        return ScalloyCli.OK;
    }

    private static double atPct(String element, double wtPct) {
        Elements el = Elements.standard();
        double n = wtPct / el.atomicMass(element);
        return 100 * n / (n + (100 - wtPct) / el.atomicMass("Al"));
    }
}
