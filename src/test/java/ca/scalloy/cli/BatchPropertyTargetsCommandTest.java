package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.PropertyConditions;
import ca.scalloy.engine.thermo.ProcessRoute;

/** {@code batch} on a recipe with {@code propertyTargets} (issue 14, point 2): the README's worked example. */
class BatchPropertyTargetsCommandTest {

    private static final String EXAMPLE = "recipes/almgsc-powder-yield-target.json";

    @Test
    void theWorkedExampleMeetsItsYieldTargetAsTheModelsCheckIt() throws Exception {
        CliRun r = CliRun.of("batch", EXAMPLE, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        double yield = j.at("/properties/yieldStrengthMPa").asDouble();
        assertTrue(j.at("/propertyTargets/0/met").asBoolean());
        assertEquals(420, j.at("/propertyTargets/0/minValue").asDouble());
        assertEquals("RAPID", j.at("/propertyTargets/0/process").asText());
        assertEquals("325:4", j.at("/propertyTargets/0/schedule").asText());
        // Cross-check: the property models on the product the JSON reports (rounded to 4 decimals of wt%).
        Map<String, Double> pct = new LinkedHashMap<>();
        j.at("/product/compositionPct").properties().forEach(e -> pct.put(e.getKey(), e.getValue().asDouble()));
        pct.remove("Al");
        double check = new PropertyCalculator().compute(new Composition(pct, "Al"),
                new PropertyConditions(ProcessRoute.RAPID, AgeingSchedule.parse("325:4"), null, null)).yieldStrength().valueMPa();
        assertEquals(check, yield, 0.1);
        assertTrue(check >= 420 - 0.1, "the models give " + check + " MPa on the reported product");
        // Sc is no higher than needed: 0.005 % less and the models give less than 420 MPa.
        pct.put("Sc", pct.get("Sc") - 0.005);
        double less = new PropertyCalculator().compute(new Composition(pct, "Al"),
                new PropertyConditions(ProcessRoute.RAPID, AgeingSchedule.parse("325:4"), null, null)).yieldStrength().valueMPa();
        assertTrue(less < 420, "with 0.005 % less Sc: " + less);
        pct.put("Sc", pct.get("Sc") + 0.005);
        // Mg (3.50 a kg) is a thousand times cheaper per MPa than Sc (AlSc2 at 200 a kg): it is at its maximum.
        assertEquals(4.9, pct.get("Mg"), 1e-3);
        // The README quotes these figures.
        assertEquals(README_SC_PCT, pct.get("Sc"), 5e-4);
        assertEquals(README_COST, j.at("/cost/total").asDouble(), 1);
    }

    /** What the README's paragraph on this example says (Sc wt% and the cost of the charge). */
    private static final double README_SC_PCT = 0.1519;
    private static final double README_COST = 18335.37;

    @Test
    void theTextOutputListsEachTargetWithItsValueBandAndVerdict() throws Exception {
        CliRun r = CliRun.of("batch", EXAMPLE);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("yieldStrengthMPa min 420 after RAPID 325:4"), r.out());
        assertTrue(r.out().contains(" met"), r.out());
    }

    /**
     * With a confidence the targets combine with the chance constraints; the probability of passing judges the
     * composition limits only, and both outputs say so (the robust charge itself: RobustPropertyTargetsTest). A recipe
     * without property targets does not get the line.
     */
    @Test
    void withAConfidenceTheProbabilityOfPassingSaysItJudgesTheCompositionOnly() throws Exception {
        CliRun j = CliRun.of("batch", EXAMPLE, "--confidence", "95", "--json");
        assertEquals(0, j.exit(), j.err());
        JsonNode json = j.json();
        assertTrue(json.at("/certainty/robust").asBoolean());
        assertTrue(json.at("/propertyTargets/0/met").asBoolean());
        assertTrue(json.at("/monteCarlo/propertyTargetsJudged").isBoolean());
        assertFalse(json.at("/monteCarlo/propertyTargetsJudged").asBoolean());
        CliRun t = CliRun.of("batch", EXAMPLE, "--confidence", "95");
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("The probability covers the composition limits only"), t.out());
        CliRun plain = CliRun.of("batch", "recipes/alsc2-oxide-route-robust.json");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().contains("Probability of passing"), plain.out());
        assertFalse(plain.out().contains("composition limits only"), plain.out());
        assertTrue(CliRun.of("batch", "recipes/alsc2-oxide-route-robust.json", "--json").json().at("/monteCarlo/propertyTargetsJudged")
                .isMissingNode());
    }

    @Test
    void sensitivityIsRefusedForAPropertyTargetedRecipeInOneLine() throws Exception {
        CliRun r = CliRun.of("batch", EXAMPLE, "--sensitivity", "--json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sensitivity: not available for a recipe with propertyTargets"), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }
}
