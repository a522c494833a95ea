package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.props.ModelParameters;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.PropertyConditions;

/**
 * The kinetic model against the published behaviour of Al-Sc(-Zr) alloys after a quench. Sources:
 * Seidman, Marquis &amp; Dunand, Acta Mater. 50 (2002) 4021; Marquis &amp; Seidman, Acta Mater. 49 (2001) 1909;
 * Røyset &amp; Ryum, Int. Mater. Rev. 50 (2005) 19 (as summarised in shared/reference/thermo/README.md, "Observed
 * behaviour of Al-0.3Sc"); Fuller &amp; Seidman, Acta Mater. 53 (2005) 5415 (Zr retards coarsening; abstract).
 * Al-0.3 wt% Sc is 0.18 at% Sc. The samples were solution treated or chill cast and quenched: every Sc and Zr atom
 * starts in (Al) ({@link #quenched}); the process routes' own starting states are tested in {@code StartingStatesTest}.
 */
class PrecipitationKineticsValidationTest {

    private static final PrecipitationKinetics MODEL = new PrecipitationKinetics();
    private static final StartingStates ROUTES = new StartingStates();
    private static final Composition AL_03SC = alloy(Map.of("Sc", 0.3));

    private static Composition alloy(Map<String, Double> wt) {
        return new Composition(wt, "Al");
    }

    private static AgeingResult age(Composition c, String schedule) {
        return MODEL.simulate(c, quenched(c), AgeingSchedule.parse(schedule));
    }

    /**
     * The state of the sources' samples: solution treated (Seidman, Marquis) or chill cast (Knipling) and quenched,
     * every Sc and Zr atom in (Al); the coarse cast grain.
     */
    private static StartingState quenched(Composition c) {
        return new StartingState(ProcessRoute.EQUILIBRIUM, c.pct("Sc"), c.pct("Zr"), ModelParameters.standard().get("grain.coarseM"),
                Message.of("test.quenched", "all Sc and Zr in solution (solution treated or chill cast, quenched)"), Map.of());
    }

    /*
     * The fault: Al-0.3Sc aged 24 h at 150 °C was given about 216 MPa (the full equilibrium Al3Sc at any
     * time). Sc diffusion at 150 °C: D = 5.31e-4 exp(-173000 / (8.314 * 423.15)) = 2.3e-25 m²/s; in 24 h a Sc atom
     * moves sqrt(D t) = 0.14 nm, less than an atomic distance: nothing can precipitate. The alloy must come out
     * barely harder than quenched (here: within 2 MPa), and the property estimate (which now runs this model) too.
     */
    @Test
    void alSc03AgedADayAt150CIsBarelyHarderThanQuenched() {
        AgeingResult r = age(AL_03SC, "150:24");
        double gain = r.last().yieldStrengthMPa() - r.first().yieldStrengthMPa();
        assertTrue(gain < 2, "hardening after 150 °C / 24 h: " + gain + " MPa");
        PropertyCalculator calc = new PropertyCalculator();
        PropertyConditions quenched = PropertyConditions.cast().withRoute(ProcessRoute.EQUILIBRIUM);
        double aged = calc.compute(AL_03SC, quenched.withSchedule(AgeingSchedule.of(150, 24))).yieldStrength().valueMPa();
        double asQuenched = calc.compute(AL_03SC, quenched).yieldStrength().valueMPa();
        assertTrue(aged - asQuenched < 2, "property estimate " + aged + " against " + asQuenched + " quenched");
    }

    /* "Little or no hardening below about 200-250 °C in a day" (Røyset & Ryum 2005): at 200 °C, under 5 MPa. */
    @Test
    void littleOrNoHardeningBelow200To250CInADay() {
        AgeingResult r = age(AL_03SC, "200:24");
        assertTrue(r.last().strength().precipitationMPa() < 5, "precipitation after 200 °C / 24 h: " + r.last().strength().precipitationMPa());
    }

    /*
     * "Peak hardness after hours at 300-350 °C" (Seidman et al. 2002; Røyset & Ryum 2005). At 350 °C the peak
     * comes between 0.5 and 24 h and the alloy then softens; at 300 °C the strength after 24 h is within 10 % of
     * the best reached in 100 h (hardness plateau) and at least 80 % of it is there after 4 h. (Within 5 % with the
     * regular-solution solvus of decision 0014; mc_al's Sc solubility, 2.4 times lower at 300 °C, slows coarsening, and
     * the modulus term, growing as r^0.275, lets the strength still creep up 7 % from 24 to 100 h: decision 0015.)
     */
    @Test
    void peakHardnessComesAfterHoursAt300To350C() {
        AgeingResult at350 = age(AL_03SC, "350:100");
        assertTrue(at350.peak().hours() >= 0.5 && at350.peak().hours() <= 24, "350 °C peak at " + at350.peak().hours() + " h");
        assertTrue(at350.last().yieldStrengthMPa() < at350.peak().yieldStrengthMPa(), "softens after the peak at 350 °C");
        AgeingResult at300 = age(AL_03SC, "300:100");
        double best = at300.peak().yieldStrengthMPa();
        AgeingPoint day = age(AL_03SC, "300:24").last();
        AgeingPoint fourHours = age(AL_03SC, "300:4").last();
        assertTrue(day.yieldStrengthMPa() >= 0.90 * best, "300 °C: " + day.yieldStrengthMPa() + " at 24 h, best " + best);
        assertTrue(fourHours.yieldStrengthMPa() - at300.first().yieldStrengthMPa() >= 0.8 * (best - at300.first().yieldStrengthMPa()),
                "300 °C after 4 h: " + fourHours.yieldStrengthMPa());
    }

    /*
     * "Overageing above about 400 °C within tens of hours": at 400 °C the peak comes within 5 h and by 48 h the
     * precipitation term has lost at least a third of its peak value (particles coarsen past the Orowan transition).
     */
    @Test
    void overageingAt400CWithinTensOfHours() {
        AgeingResult r = age(AL_03SC, "400:48");
        assertTrue(r.peak().hours() <= 5, "400 °C peak at " + r.peak().hours() + " h");
        double peak = r.peak().strength().precipitationMPa();
        double end = r.last().strength().precipitationMPa();
        assertTrue(end <= peak * 2 / 3, "400 °C: " + end + " MPa after 48 h against " + peak + " at the peak");
        assertEquals("Orowan looping", r.last().strength().mechanism());
    }

    /*
     * The strongest state for a fixed time is not at the lowest temperature (the second fault): for 24 h,
     * the best of 150-450 °C lies at 275-350 °C.
     */
    @Test
    void strongestStateForADayIsNotAtTheLowestTemperature() {
        AgeingDesign design = new AgeingDesign(MODEL);
        AgeingPoint best = design.bestTemperatureFor(AL_03SC, quenched(AL_03SC), 24,
                List.of(150.0, 200.0, 250.0, 300.0, 350.0, 400.0, 450.0));
        assertTrue(best.tempC() >= 275 && best.tempC() <= 350, "best temperature for 24 h: " + best.tempC());
    }

    /*
     * Marquis & Seidman 2001 (Al-0.1 to 0.3 wt% Sc at 300 °C, atom-probe and TEM): Al3Sc of about 1-2 nm mean radius
     * after hours, number densities of 10^22-10^23 per m³. Here after 4 and 24 h at 300 °C: 1.0-2.5 nm, 10^22-10^24 m⁻³
     * (the model's 0.18 at% Sc nucleates at the dense end), and the volume fraction close to the lever rule:
     * f = (0.00180 - 0.00003) / (0.25 - 0.00003) * 1.042 (Al3Sc/Al atomic volume, (0.4105/0.40496)^3) = 0.73 %.
     */
    @ParameterizedTest
    @CsvSource({"4", "24"})
    void meanRadiusAndNumberDensityAt300CMatchAtomProbeData(double hours) {
        AgeingPoint p = at(age(AL_03SC, "300:" + (int) hours), hours);
        assertTrue(p.radiusNm() >= 1.0 && p.radiusNm() <= 2.5, "mean radius " + p.radiusNm() + " nm");
        assertTrue(p.numberDensityPerM3() >= 1e22 && p.numberDensityPerM3() <= 1e24, "number density " + p.numberDensityPerM3());
        assertEquals(0.73, p.volumePct(), 0.04);
    }

    /*
     * Zr additions slow coarsening (Fuller & Seidman 2005: coarsening of Al3(Sc1-xZrx) controlled by Zr volume
     * diffusion; Zr ~10^4 times slower than Sc at 300 °C). At 400 °C for 100 h, Al-0.3Sc-0.15Zr keeps at least
     * twice the particles of Al-0.3Sc, finer ones, and more strength; Zr has gone into the particles.
     */
    @Test
    void zrSlowsCoarseningAt400C() {
        AgeingResult plain = age(AL_03SC, "400:100");
        AgeingResult withZr = age(alloy(Map.of("Sc", 0.3, "Zr", 0.15)), "400:100");
        assertTrue(withZr.last().numberDensityPerM3() >= 2 * plain.last().numberDensityPerM3(),
                withZr.last().numberDensityPerM3() + " against " + plain.last().numberDensityPerM3());
        assertTrue(withZr.last().radiusNm() < plain.last().radiusNm());
        assertTrue(withZr.last().yieldStrengthMPa() > plain.last().yieldStrengthMPa());
        assertTrue(withZr.last().zrSiteFraction() > 0.05, "Zr site fraction " + withZr.last().zrSiteFraction());
    }

    /*
     * Issue 12: laser-melted material keeps more Sc in solution, so the cast route's estimate comes out 20-40 % weak.
     * Scalmalloy-type Al-4.5Mg-0.5Mn-0.7Sc-0.3Zr aged 325 °C / 4 h: RAPID (fine grain, the fitted LPBF Sc limit) at
     * least 25 % stronger than CAST (Scheil-Gulliver keeps about 0.13 wt% Sc, the rest primary and eutectic Al3Sc).
     * Published LPBF values: 456-469 MPa after direct ageing (Cerri et al., Crystals 15 (2025) 25); the LPBF Sc limit and
     * grain were fitted to them (decision 0015), so the model must stay within 3 % of that range.
     */
    @Test
    void rapidSolidificationAgesStrongerThanCasting() {
        Composition c = alloy(Map.of("Mg", 4.5, "Mn", 0.5, "Sc", 0.7, "Zr", 0.3));
        AgeingSchedule s = AgeingSchedule.parse("325:4");
        double rapid = MODEL.simulate(c, ROUTES.of(c, ProcessRoute.RAPID), s).last().yieldStrengthMPa();
        double cast = MODEL.simulate(c, ROUTES.of(c, ProcessRoute.CAST), s).last().yieldStrengthMPa();
        assertTrue(rapid >= 1.25 * cast, "RAPID " + rapid + " against CAST " + cast);
        assertTrue(rapid >= 0.97 * 456 && rapid <= 1.03 * 469, "RAPID " + rapid + " MPa; published 456-469");
    }

    /* A second step at a higher temperature coarsens what the first one made: 300:24 then 400:12 ends weaker than 300:24. */
    @Test
    void aHotterSecondStepOveragesWhatTheFirstMade() {
        AgeingResult two = age(AL_03SC, "300:24,400:12");
        AgeingPoint endOfFirst = at(two, 24);
        assertEquals(0, endOfFirst.step());
        assertTrue(two.last().yieldStrengthMPa() < endOfFirst.yieldStrengthMPa());
        assertTrue(two.last().radiusNm() > endOfFirst.radiusNm());
        assertEquals(1, two.last().step());
        assertEquals(12, two.last().hoursInStep(), 1e-9);
    }

    /*
     * Isochronal ageing, 3 h at each 25 °C step from 200 °C (the protocol of Knipling, Seidman & Dunand, Acta Mater.
     * 59 (2011) 943; abstract: Al3Sc precipitation commences between 250 and 300 °C, peak at 325 °C; with Zr "a
     * secondary strength increase above 325 °C" from Zr-enriched shells, peak at 400 °C). Their alloys hold
     * 0.06 at% Sc, too dilute for the model's homogeneous nucleation (decision 0014), so this uses Al-0.3Sc and
     * Al-0.3Sc-0.2Zr (0.06 at% Zr) for the same features: onset between 250 and 300 °C, peak at 300-375 °C without
     * Zr (three times Knipling's Sc nucleates finer particles, which need more coarsening to reach the peak; with
     * mc_al's solubility the model peaks at the 350-375 °C steps: decision 0015); with Zr, strength regained at 400 °C
     * (above the 375 °C step), at least 1.4 times the Zr-free alloy at 400 °C and 1.5 times at 425-450 °C (with mc_al's
     * lower Sc solubility the Zr-free particles coarsen more slowly at 400 °C than decision 0014 found). Knipling's own
     * alloys are in the validation table (docs/validation.md) with their peak strengths.
     */
    @Test
    void isochronalAgeingOnsetPeakAndTheSecondaryRiseFromZr() {
        StringBuilder steps = new StringBuilder();
        for (int t = 200; t <= 450; t += 25) {
            steps.append(steps.length() == 0 ? "" : ",").append(t).append(":3");
        }
        AgeingResult plain = age(AL_03SC, steps.toString());
        AgeingResult withZr = age(alloy(Map.of("Sc", 0.3, "Zr", 0.2)), steps.toString());
        assertTrue(endOfStep(plain, 250).strength().precipitationMPa() < 5, "before 250 °C ends");
        assertTrue(endOfStep(plain, 300).strength().precipitationMPa() > 100, "by the end of 300 °C");
        assertTrue(plain.peak().tempC() >= 300 && plain.peak().tempC() <= 375, "isochronal peak at " + plain.peak().tempC());
        assertTrue(endOfStep(withZr, 400).yieldStrengthMPa() > endOfStep(withZr, 375).yieldStrengthMPa(), "secondary rise with Zr");
        assertTrue(endOfStep(withZr, 400).yieldStrengthMPa() >= 1.4 * endOfStep(plain, 400).yieldStrengthMPa(), "at 400 °C");
        for (int t = 425; t <= 450; t += 25) {
            assertTrue(endOfStep(withZr, t).yieldStrengthMPa() >= 1.5 * endOfStep(plain, t).yieldStrengthMPa(), "at " + t + " °C");
        }
    }

    private static AgeingPoint endOfStep(AgeingResult r, double tempC) {
        AgeingPoint end = null;
        for (AgeingPoint p : r.points()) {
            if (p.tempC() == tempC && p.hours() > 0) {
                end = p;
            }
        }
        assertEquals(3, end.hoursInStep(), 1e-9);
        return end;
    }

    private static AgeingPoint at(AgeingResult r, double hours) {
        AgeingPoint best = r.points().get(0);
        for (AgeingPoint p : r.points()) {
            if (Math.abs(p.hours() - hours) < Math.abs(best.hours() - hours)) {
                best = p;
            }
        }
        assertEquals(hours, best.hours(), hours * 1e-9, "no point at " + hours + " h");
        return best;
    }
}
