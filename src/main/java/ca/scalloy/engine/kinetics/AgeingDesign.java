package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;

/**
 * What a metallurgist designs with the kinetic model: ageing curves at several temperatures, the peak
 * at a temperature, the best temperature for a fixed time, and a suggested schedule. Immutable and
 * thread-safe; every answer is a set of simulations of {@link PrecipitationKinetics}.
 */
public final class AgeingDesign {

    /** Single-step temperatures tried for the best temperature and the suggestion, °C. */
    public static final List<Double> CANDIDATE_TEMPS_C = List.of(200.0, 225.0, 250.0, 275.0, 300.0, 325.0, 350.0, 375.0, 400.0, 425.0, 450.0);

    private static final List<Double> FIRST_STEP_TEMPS_C = List.of(250.0, 275.0, 300.0);
    private static final double[] FIRST_STEP_SHARES = {0.25, 0.5};
    /** Within this share of the best strength, the shorter (then simpler) schedule is preferred. */
    private static final double TIE_SHARE = 0.01;

    private final PrecipitationKinetics model;

    public AgeingDesign(PrecipitationKinetics model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * A suggested schedule and what it gives.
     *
     * @param schedule the schedule
     * @param end      the state at its end
     * @param reason   why it was chosen, in words
     */
    public record Suggestion(AgeingSchedule schedule, AgeingPoint end, String reason) {
    }

    /** Isothermal ageing curves: one result per temperature, each {@code maxHours} long. */
    public List<AgeingResult> curves(Composition alloy, StartingState start, List<Double> tempsC, double maxHours) {
        return curves(alloy, start, tempsC, maxHours, Progress.NONE);
    }

    /**
     * As {@link #curves(Composition, StartingState, List, double)}, reporting after each temperature.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says it is no longer wanted
     */
    public List<AgeingResult> curves(Composition alloy, StartingState start, List<Double> tempsC, double maxHours, Progress progress) {
        List<AgeingResult> out = new ArrayList<>();
        for (double t : tempsC) {
            progress.checkCancelled();
            out.add(model.simulate(alloy, start, AgeingSchedule.of(t, maxHours)));
            progress.done((double) out.size() / tempsC.size());
        }
        return out;
    }

    /** The strongest state reached at {@code tempC} within {@code maxHours} (the quenched state if none is stronger). */
    public AgeingPoint peakAt(Composition alloy, StartingState start, double tempC, double maxHours) {
        return model.simulate(alloy, start, AgeingSchedule.of(tempC, maxHours)).peak();
    }

    /**
     * The temperature among {@code candidatesC} that leaves the alloy strongest after exactly {@code hours};
     * the point returned is the state at the end of that time.
     */
    public AgeingPoint bestTemperatureFor(Composition alloy, StartingState start, double hours, List<Double> candidatesC) {
        AgeingPoint best = null;
        for (double t : candidatesC) {
            AgeingPoint end = model.simulate(alloy, start, AgeingSchedule.of(t, hours)).last();
            if (best == null || end.yieldStrengthMPa() > best.yieldStrengthMPa()) {
                best = end;
            }
        }
        return best;
    }

    /**
     * The strongest schedule found within {@code maxHours}: single steps held to their peak at each of
     * {@link #CANDIDATE_TEMPS_C}, and two steps (a lower one to nucleate, a higher one to grow, held to its
     * peak). Within 1 % of the strongest the shorter one wins, then the one with fewer steps.
     */
    public Suggestion suggest(Composition alloy, StartingState start, double maxHours) {
        return suggest(alloy, start, maxHours, Progress.NONE);
    }

    /**
     * As {@link #suggest(Composition, StartingState, double)}, reporting after each simulation (about 70).
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says it is no longer wanted
     */
    public Suggestion suggest(Composition alloy, StartingState start, double maxHours, Progress progress) {
        int twoStepRuns = 0;
        for (double t1 : FIRST_STEP_TEMPS_C) {
            for (double t2 = t1 + 50; t2 <= 400; t2 += 25) {
                twoStepRuns += FIRST_STEP_SHARES.length;
            }
        }
        // Each candidate is simulated twice: once to find its peak, once to judge the schedule held to it.
        double runs = 2.0 * (CANDIDATE_TEMPS_C.size() + twoStepRuns);
        int[] done = {0};
        Runnable ran = () -> {
            progress.checkCancelled();
            progress.done(Math.min(1, ++done[0] / runs));
        };
        List<AgeingSchedule> tried = new ArrayList<>();
        for (double t : CANDIDATE_TEMPS_C) {
            ran.run();
            AgeingPoint peak = peakAt(alloy, start, t, maxHours);
            if (peak.hours() > 0) {
                tried.add(AgeingSchedule.of(t, roundHours(peak.hours())));
            }
        }
        for (double t1 : FIRST_STEP_TEMPS_C) {
            for (double share : FIRST_STEP_SHARES) {
                double h1 = roundHours(maxHours * share);
                for (double t2 = t1 + 50; t2 <= 400; t2 += 25) {
                    AgeingSchedule two = new AgeingSchedule(List.of(new AgeingStep(t1, h1), new AgeingStep(t2, maxHours - h1)));
                    ran.run();
                    AgeingPoint peak = model.simulate(alloy, start, two).peak();
                    if (peak.step() == 1) {
                        tried.add(new AgeingSchedule(List.of(new AgeingStep(t1, h1), new AgeingStep(t2, roundHours(peak.hoursInStep())))));
                    }
                }
            }
        }
        Suggestion best = null;
        for (AgeingSchedule s : tried) {
            ran.run();
            AgeingPoint end = model.simulate(alloy, start, s).last();
            if (best == null || better(end, s, best)) {
                best = new Suggestion(s, end, "");
            }
        }
        progress.done(1);
        if (best == null) {
            AgeingSchedule none = AgeingSchedule.of(CANDIDATE_TEMPS_C.get(0), maxHours);
            return new Suggestion(none, model.simulate(alloy, start, none).last(), "no schedule within " + maxHours
                    + " h hardens this alloy: nothing precipitates");
        }
        return new Suggestion(best.schedule(), best.end(), "strongest of " + tried.size() + " schedules within " + AgeingSchedule.number(maxHours)
                + " h (single steps at 200-450 °C held to their peak; two steps: 250-300 °C to nucleate, then higher to grow)");
    }

    private static boolean better(AgeingPoint end, AgeingSchedule s, Suggestion best) {
        double a = end.yieldStrengthMPa();
        double b = best.end().yieldStrengthMPa();
        if (a > b * (1 + TIE_SHARE)) {
            return true;
        }
        if (a < b * (1 - TIE_SHARE)) {
            return false;
        }
        double ha = s.totalHours();
        double hb = best.schedule().totalHours();
        if (ha != hb) {
            return ha < hb;
        }
        return s.steps().size() < best.schedule().steps().size();
    }

    /** Two significant figures, at least 0.1 h: a time a furnace crew can set. */
    static double roundHours(double hours) {
        if (hours <= 0.1) {
            return 0.1;
        }
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", hours));
    }
}
