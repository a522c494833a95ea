package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.kinetics.AgeingDesign;
import ca.scalloy.engine.kinetics.AgeingPoint;
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.io.AgeingJson;

/**
 * {@code scalloy ageing --composition "Sc=0.3" --schedule "300:24,400:12" [--process CAST|RAPID|EQUILIBRIUM]
 * [--suggest-hours H] [--json]}: precipitation of Al3(Sc,Zr) and the strength that follows over a schedule.
 */
@Command(name = "ageing", mixinStandardHelpOptions = true,
        description = "Precipitation kinetics of Al3Sc / Al3(Sc,Zr) over a heat-treatment schedule, and the yield strength that follows.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:invalid input"})
final class AgeingCommand extends JsonCapableCommand {

    @Option(names = "--composition", required = true, paramLabel = "EL=WT%,...",
            description = "Composition in wt%%, balance Al, e.g. \"Sc=0.3,Zr=0.1,Mg=4.5\".")
    String composition;

    @Option(names = "--schedule", required = true, paramLabel = "C:H,...",
            description = "Steps of temperature (°C) and time (h), in order, e.g. \"300:24,400:12\".")
    String schedule;

    @Option(names = "--process", paramLabel = "CAST|RAPID|EQUILIBRIUM", defaultValue = "CAST",
            description = "How the alloy was made: CAST (conventional casting), RAPID (laser powder-bed fusion, atomised powder) or "
                    + "EQUILIBRIUM (solidified in equilibrium, or homogenised). Default CAST.")
    String process;

    @Option(names = "--suggest-hours", paramLabel = "H",
            description = "Also suggest the strongest schedule found within H hours (takes about a second).")
    Double suggestHours;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Composition alloy;
        AgeingSchedule steps;
        ProcessRoute route;
        StartingState start;
        try {
            try {
                alloy = new Composition(CompositionText.parse(composition), "Al");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("--composition") ? e.getMessage() : "--composition: " + e.getMessage());
            }
            steps = AgeingSchedule.parse(schedule);
            route = ProcessRoute.parse(process);
            if (suggestHours != null && (!Double.isFinite(suggestHours) || suggestHours <= 0 || suggestHours > 1000)) {
                throw new IllegalArgumentException("--suggest-hours must be above 0 and at most 1000 h, was " + suggestHours);
            }
            try {
                start = new StartingStates().of(alloy, route);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--composition: " + e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage().replaceFirst("^schedule:", "--schedule:").replaceFirst("^process:", "--process:"));
            return ScalloyCli.INVALID_INPUT;
        }
        PrecipitationKinetics model = new PrecipitationKinetics();
        AgeingResult result = model.simulate(alloy, start, steps);
        AgeingDesign.Suggestion suggestion = suggestHours == null ? null : new AgeingDesign(model).suggest(alloy, start, suggestHours);
        if (json) {
            out.println(AgeingJson.toJson(alloy, result, suggestion));
        } else {
            print(out, alloy, result, suggestion);
        }
        return ScalloyCli.OK;
    }

    private static void print(PrintWriter out, Composition alloy, AgeingResult r, AgeingDesign.Suggestion suggestion) {
        Locale loc = Locale.ROOT;
        out.println("Composition (wt%): " + alloy.allWtPct());
        out.printf(loc, "Process %s: Sc %.4f wt%%, Zr %.4f wt%% in solution, grain %.1f µm%n", r.start().route(), r.start().scInSolutionWtPct(),
                r.start().zrInSolutionWtPct(), r.start().grainSizeM() * 1e6);
        out.println("Schedule: " + r.schedule() + " (°C:h)");
        out.println();
        out.println("     hours  temp °C  radius nm   number/m³  vol %   Sc sol wt%  Zr sol wt%  yield MPa  mechanism");
        for (AgeingPoint p : r.points()) {
            out.printf(loc, "%10.4f  %7.0f  %9.3f  %10.3e  %6.4f  %10.5f  %10.5f  %9.1f  %s%n", p.hours(), p.tempC(), p.radiusNm(),
                    p.numberDensityPerM3(), p.volumePct(), p.scInSolutionWtPct(), p.zrInSolutionWtPct(), p.yieldStrengthMPa(),
                    p.strength().mechanism());
        }
        AgeingPoint peak = r.peak();
        out.println();
        out.printf(loc, "Peak: %.0f MPa at %.3f h (step %d, %.0f °C), mean radius %.2f nm%n", peak.yieldStrengthMPa(), peak.hours(),
                peak.step() + 1, peak.tempC(), peak.radiusNm());
        if (suggestion != null) {
            out.printf(loc, "Suggested schedule: %s -> %.0f MPa (%s)%n", suggestion.schedule(), suggestion.end().yieldStrengthMPa(),
                    suggestion.reason());
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            r.warnings().forEach(w -> out.println("  - " + w));
        }
        out.println();
        out.println("Models:");
        for (ModelNote m : r.models()) {
            out.println("  " + m.property() + ": " + m.model().english() + " [" + m.tag() + "]; " + m.source().english() + "; valid: "
                    + m.validity().english());
        }
    }
}
