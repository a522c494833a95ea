package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.Equilibrium;
import ca.scalloy.engine.thermo.PhaseFraction;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.io.ThermoJson;

/** {@code scalloy equilibrium --composition "…" --temp-c T [--json]}: the stable phases at a temperature. */
@Command(name = "equilibrium", mixinStandardHelpOptions = true,
        description = "Stable phases, their fractions and compositions at a temperature, from the CALPHAD databases.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done (a result that did not converge says so)", "2:invalid input"})
final class EquilibriumCommand extends JsonCapableCommand {

    @Option(names = "--composition", required = true, paramLabel = "EL=WT%,...",
            description = "Composition in wt%%, balance Al, e.g. \"Sc=0.3,Mg=4.5,Zr=0.1\".")
    String composition;

    @Option(names = "--temp-c", required = true, paramLabel = "T", description = "Temperature, °C.")
    double tempC;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Equilibrium e;
        try {
            Composition c = new Composition(CompositionText.parse(composition), "Al");
            e = ThermoCalculator.alRichCorner().equilibrium(c, tempC);
        } catch (IllegalArgumentException ex) {
            err.println("scalloy: " + ThermoText.message(ex));
            return ScalloyCli.INVALID_INPUT;
        }
        if (!e.converged()) {
            err.println("scalloy: warning: the equilibrium did not converge (" + e.note() + "); the phases shown are the last state reached");
        }
        if (json) {
            out.println(ThermoJson.equilibrium(e));
        } else {
            out.printf(Locale.ROOT, "Equilibrium at %.1f °C%s%n", e.tempC(), e.converged() ? "" : "  (NOT CONVERGED: " + e.note() + ")");
            for (PhaseFraction p : e.phases()) {
                out.printf(Locale.ROOT, "  %-14s %9.5f mol  %9.5f mass   %s%n", p.name(), p.molFraction(), p.massFraction(), ThermoText.wt(p.compositionWtPct()));
            }
            ThermoText.printDatabase(out, e.database());
        }
        return ScalloyCli.OK;
    }
}
