package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.solver.OjalgoSolver;

/** The figures the README gives for issue 14's worked examples, each checked another way than the one that made it. */
class Issue14WorkedExamplesTest {

    /** Standard error of a rate near 0.95 from 10,000 draws: √(0.95 × 0.05 / 10,000) = 0.00218. */
    private static final double SE95 = 0.0022;

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /**
     * recipes/almgsc-5028-sensitivity.json: "Sc min 0.2 %: 1,974.95 per batch per 0.01 %" is the LP's dual; a
     * re-solve with Sc min 0.19 % must cost that much less (the basis holds over so small a step), and
     * "ALSC2 … the charge stays the same from 14.84 up" means a re-solve at 15.00/kg charges the same masses.
     */
    @Test
    void theSensitivityExampleAgreesWithReSolves() throws Exception {
        Recipe r = ChargeSensitivityTest.file("almgsc-5028-sensitivity.json");
        ChargeResult base = calculator.solve(r);
        assertEquals(33432.37, base.costTotal(), 0.005);
        ChargeResult lowerSc = calculator.solve(ChargeSensitivityTest.relaxed(r, "Sc", ChargeSensitivity.Bound.MIN, 0.01));
        assertEquals(1974.95, base.costTotal() - lowerSc.costTotal(), 0.01);
        List<Material> cheaperAlSc2 = new ArrayList<>();
        for (Material m : r.materials()) {
            cheaperAlSc2.add(m.id().equals("ALSC2") ? m.withPricePerKg(15.00) : m);
        }
        ChargeResult atFifteen = calculator.solve(r.withMaterials(cheaperAlSc2));
        for (ChargeLine l : base.charge()) {
            assertEquals(l.massKg(), atFifteen.massKg(l.materialId()), 1e-6, l.materialId());
        }
    }

    /**
     * The same recipe at 95 % with the reference spreads (it states none): the chance constraints promise each
     * limit 95 times in 100, and the Monte Carlo (a different method: exact draws, no linearisation) finds each
     * element within three standard errors of 0.95 or above; the six elements' spreads are independent
     * sources, so the whole analysis passes about as often as the product of the six rates (0.95⁶ = 0.735).
     */
    @Test
    void theSensitivityExampleAt95PercentPassesEachLimit95TimesIn100() throws Exception {
        Recipe r = ChargeSensitivityTest.file("almgsc-5028-sensitivity.json").withConfidencePct(95.0);
        ChargeAnalysis a = calculator.analyse(r, ChargeAnalysis.Request.standard(false));
        PassProbability p = a.certainty().passProbability();
        double product = 1;
        for (Map.Entry<String, Double> e : p.perElement().entrySet()) {
            assertTrue(e.getValue() >= 0.95 - 3 * SE95, e.getKey() + " passes " + e.getValue());
            product *= e.getValue();
        }
        assertEquals(product, p.passRate(), 0.02);
        assertEquals(DefaultSpreads.Source.REFERENCE, a.certainty().spreads());
        assertEquals(33432.37, a.certainty().nominalCost(), 0.005);
        assertTrue(a.certainty().priceOfCertainty() > 0);
    }

    /**
     * recipes/alsc2-oxide-route-robust.json: the nominal charge is worked example 1 at MIN_COST (51,497.81,
     * BatchCommandTest); charged for 95 % it passes 95 times in 100 by the Monte Carlo (Sc is the only limit its
     * spreads can move far enough), and the price of certainty is the robust cost less the nominal one.
     */
    @Test
    void theRobustExamplePassesNinetyFiveTimesInAHundred() throws Exception {
        ChargeAnalysis a = calculator.analyse(ChargeSensitivityTest.file("alsc2-oxide-route-robust.json"), ChargeAnalysis.Request.standard(false));
        assertEquals(51497.81, a.certainty().nominalCost(), 0.005);
        assertEquals(a.result().costTotal() - 51497.81, a.certainty().priceOfCertainty(), 0.005);
        assertEquals(0.95, a.certainty().passProbability().passRate(), 3 * SE95);
        assertEquals(1.0, a.certainty().passProbability().perElement().get("Fe"));
    }
}
