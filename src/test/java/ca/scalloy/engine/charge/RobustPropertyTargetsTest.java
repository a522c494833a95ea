package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.PropertyTargetsTest.alMgSc;
import static ca.scalloy.engine.charge.PropertyTargetsTest.yieldAtLeast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Issue 14: a confidence level and property targets together. The property search solves each of its linear programs
 * with the chance constraints of the confidence, so the charge meets every composition limit at that confidence and
 * the property targets on the nominal analyses (what the models are verified on); the Monte Carlo draws judge the
 * composition limits only, which every report of the probability says (the CLI's and the Batch screen's tests).
 */
class RobustPropertyTargetsTest {

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /**
     * The worked example (yield ≥ 420 MPa after RAPID 325:4) at 95 % with the reference spreads. Nominally Mg sits at
     * its 4.9 % maximum (the cheapest hardening); to stay under it 95 times in 100 with Mg's recovery spread the charge
     * must aim lower, and the yield the lost Mg gave is bought back with Sc. So: Mg below 4.9 %, Sc above the nominal
     * 0.1519 %, the yield still verified ≥ 420 MPa by the full models on the product, each limit met in at least
     * 95 % of the draws (less three standard errors), and the price of certainty the robust cost less the nominal
     * property-targeted charge's (solved on its own here).
     */
    @Test
    void aRobustChargeMeetsTheLimitsAtTheConfidenceAndTheTargetsOnTheNominalAnalyses() {
        Recipe nominalRecipe = alMgSc(yieldAtLeast(420));
        ChargeAnalysis a = calculator.analyse(nominalRecipe.withConfidencePct(95.0), ChargeAnalysis.Request.standard(false));
        ChargeResult nominal = calculator.solve(nominalRecipe);

        assertTrue(a.result().solved(), () -> a.result().diagnosis().toString());
        ChargeCertainty c = a.certainty();
        assertTrue(c.robust());
        assertTrue(c.converged());
        assertTrue(a.result().productPct("Mg") < 4.9 - 1e-3, "Mg " + a.result().productPct("Mg"));
        assertTrue(a.result().productPct("Sc") > nominal.productPct("Sc"), "Sc " + a.result().productPct("Sc"));
        Map<String, Double> pct = new java.util.LinkedHashMap<>(a.result().productCompositionPct());
        pct.remove("Al");
        double yield = new PropertyCalculator().compute(new Composition(pct, "Al"), yieldAtLeast(420).conditions()).yieldStrength()
                .valueMPa();
        assertTrue(yield >= 420 * (1 - PropertyFormulation.TOLERANCE_RELATIVE), "verified " + yield);
        assertTrue(a.result().properties().get(0).met());
        PassProbability p = c.passProbability();
        for (Map.Entry<String, Double> e : p.perElement().entrySet()) {
            double se = PassProbability.standardError(e.getValue(), p.draws());
            assertTrue(e.getValue() >= 0.95 - 3 * se, e.getKey() + " passes in " + e.getValue() + " of the draws");
        }
        assertEquals(nominal.costTotal(), c.nominalCost(), 1e-6);
        assertEquals(a.result().costTotal() - nominal.costTotal(), c.priceOfCertainty(), 1e-6);
        assertTrue(c.priceOfCertainty() > 0);
    }

    /**
     * A property-targeted robust charge whose chance constraints stop short says so on the charge itself, as a charge
     * on composition limits alone does (it was only in the analysis's certainty). With no raise of the quantiles
     * allowed, the 420 MPa example at 95 % stops short (its rows are skewed by Mg's and Sc's product terms).
     */
    @Test
    void aPropertyTargetedChargeWhoseChanceConstraintsStoppedShortSaysSo() {
        Recipe r = alMgSc(yieldAtLeast(420)).withConfidencePct(95.0);
        ChargeAnalysis a = new ChargeCalculator(new OjalgoSolver(), 0).analyse(r, ChargeAnalysis.Request.standard(false));
        assertTrue(a.result().solved(), () -> a.result().diagnosis().toString());
        assertFalse(a.certainty().converged());
        assertTrue(a.result().warnings().stream().anyMatch(m -> m.code().equals("warning.chanceQuantilesNotSettled")),
                a.result().warnings().toString());
        ChargeAnalysis settled = calculator.analyse(r, ChargeAnalysis.Request.standard(false));
        assertTrue(settled.result().warnings().stream().noneMatch(m -> m.code().startsWith("warning.chance")),
                settled.result().warnings().toString());
    }
}
