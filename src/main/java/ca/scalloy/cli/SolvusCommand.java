package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.phase.SolvusModel;
import ca.scalloy.io.PropertiesJson;

/** {@code scalloy solvus --element Sc|Zr --temp-c T [--json]}: solubility in (Al) against Al3X. */
@Command(name = "solvus", mixinStandardHelpOptions = true,
        description = "Solubility of Sc or Zr in (Al) at a temperature, from the thermodynamic model.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:invalid input"})
final class SolvusCommand extends JsonCapableCommand {

    @Option(names = "--element", required = true, paramLabel = "Sc|Zr", description = "The solute.")
    String element;

    @Option(names = "--temp-c", required = true, paramLabel = "T", description = "Temperature, °C.")
    double tempC;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        SolvusModel model;
        try {
            model = SolvusModel.of(element);
            if (!Double.isFinite(tempC) || tempC < 0 || tempC > 700) {
                throw new IllegalArgumentException("--temp-c must be from 0 to 700 °C (the solid), was " + tempC);
            }
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage().replace("element:", "--element:"));
            return ScalloyCli.INVALID_INPUT;
        }
        if (json) {
            out.println(PropertiesJson.solvusToJson(model, tempC));
        } else {
            out.printf(Locale.ROOT, "%s in (Al) against %s at %.1f °C: %.6f wt%% (%.6f at%%)%n", model.solute(), model.phase(), tempC,
                    model.solubilityWtPct(tempC), model.solubilityAtPct(tempC));
            out.println("Model: " + model.source() + (model.valid(tempC) ? "" : "  (outside its range "
                    + model.validMinC() + "-" + model.validMaxC() + " °C)"));
        }
        return ScalloyCli.OK;
    }
}
