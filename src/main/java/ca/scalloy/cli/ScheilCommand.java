package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.ScheilStep;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.io.ThermoJson;

/** {@code scalloy scheil --composition "…" [--json]}: Scheil-Gulliver solidification of an alloy. */
@Command(name = "scheil", mixinStandardHelpOptions = true,
        description = "Scheil-Gulliver solidification: liquidus and primary phase, fraction solid against temperature, "
                + "end of solidification, Sc and Zr kept in (Al).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done (a path that stopped early says so)", "2:invalid input"})
final class ScheilCommand extends JsonCapableCommand {

    @Option(names = "--composition", required = true, paramLabel = "EL=WT%,...",
            description = "Composition in wt%%, balance Al, e.g. \"Sc=0.7,Zr=0.35,Mg=4.6,Mn=0.5\".")
    String composition;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        ScheilCurve s;
        try {
            Composition c = new Composition(CompositionText.parse(composition), "Al");
            s = ThermoCalculator.alRichCorner().scheil(c);
        } catch (IllegalArgumentException ex) {
            err.println("scalloy: " + ThermoText.message(ex));
            return ScalloyCli.INVALID_INPUT;
        }
        if (!s.converged()) {
            err.println("scalloy: warning: the Scheil path stopped early: " + s.note());
        }
        if (json) {
            out.println(ThermoJson.scheil(s));
            return ScalloyCli.OK;
        }
        Locale loc = Locale.ROOT;
        out.printf(loc, "Liquidus   %8.1f °C   primary %s%n", s.liquidusC(), s.liquidusPrimaryPhase());
        out.printf(loc, "Solidus    %8.1f °C   (Scheil: end of solidification)%n", s.solidusC());
        out.println("Kept in (Al) solid solution, wt% of the alloy: " + ThermoText.wt(s.retainedInSolutionWtPct()));
        out.println("Phases formed (mole fraction): " + ThermoText.fractions(s.phaseFractions()));
        out.println();
        out.println("    T °C   fraction solid   phases forming");
        int every = Math.max(1, s.steps().size() / 40);
        for (int i = 0; i < s.steps().size(); i++) {
            ScheilStep st = s.steps().get(i);
            if (i % every == 0 || i == s.steps().size() - 1) {
                out.printf(loc, "  %7.2f   %8.4f         %s%n", st.tempC(), st.fractionSolid(), String.join(" + ", st.phases()));
            }
        }
        ThermoText.printDatabase(out, s.database());
        return ScalloyCli.OK;
    }
}
