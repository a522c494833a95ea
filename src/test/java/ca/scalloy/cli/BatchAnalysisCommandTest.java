package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code batch} with issue 14's options: --confidence, --sensitivity, --pareto, and the pass probability. */
class BatchAnalysisCommandTest {

    private static final String ROBUST = "recipes/alsc2-oxide-route-robust.json";

    @Test
    void aRobustRecipeReportsItsPassProbabilityAndThePriceOfCertainty() throws Exception {
        CliRun r = CliRun.of("batch", ROBUST, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        for (String key : List.of("status", "objective", "charge", "product", "slagKg", "drossKg", "massBalance", "cost", "co2",
                "diagnosis", "scRecoveryPct", "limits", "warnings", "recipe", "grade")) {
            assertTrue(j.has(key), "every key of format 1 stays: " + key);
        }
        double pass = j.get("passProbability").asDouble();
        assertEquals(0.95, pass, 3 * 0.0022, "95 % asked, 10,000 draws (standard error 0.0022)");
        assertEquals(10_000, j.at("/monteCarlo/draws").asInt());
        assertEquals(14, j.at("/monteCarlo/seed").asLong());
        assertEquals(pass, j.at("/monteCarlo/passRate").asDouble());
        assertEquals(1.0, j.at("/monteCarlo/perElement/Fe").asDouble());
        // The nominal charge of the same recipe is worked example 1 at MIN_COST: 51,497.81 (BatchCommandTest).
        assertEquals(51497.81, j.at("/certainty/nominalCost").asDouble(), 0);
        assertEquals(j.at("/cost/total").asDouble() - 51497.81, j.at("/certainty/priceOfCertainty").asDouble(), 0.011);
        assertTrue(j.at("/certainty/robust").asBoolean());
    }

    @Test
    void aRecipeWithoutUncertaintyIsJudgedWithTheReferenceSpreads() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--json");
        assertEquals(0, r.exit(), r.err());
        double pass = r.json().get("passProbability").asDouble();
        assertTrue(pass > 0 && pass <= 1, "a probability: " + pass);
        assertEquals("referenceDefaults", r.json().at("/monteCarlo/spreads").asText());
        assertFalse(r.json().at("/certainty/robust").asBoolean());
        assertFalse(r.json().has("passProbabilityNote"));
        assertFalse(r.json().has("sensitivity"), "only when asked");
    }

    @Test
    void aRecipeWhoseSpreadsNothingKnowsHasANullPassProbabilityWithANote(@TempDir Path dir) throws Exception {
        Path pure = dir.resolve("pure.json");
        Files.writeString(pure, """
                {"format": "scalloy-recipe", "formatVersion": 1, "name": "pure", "batchMassKg": 1000,
                 "targets": [{"element": "Al", "minPct": 99.7}],
                 "materials": [{"id": "AL", "kind": "METAL", "pricePerKg": 2.5}]}
                """);
        CliRun r = CliRun.of("batch", pure.toString(), "--confidence", "95", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.json().get("passProbability").isNull());
        assertTrue(r.json().get("passProbabilityNote").asText().startsWith("unknown: no material states an uncertainty"));
        assertTrue(r.err().contains("nothing is known of the spreads of " + pure), r.err());
    }

    @Test
    void confidenceOptionOverridesTheRecipes() throws Exception {
        JsonNode at95 = CliRun.of("batch", ROBUST, "--json").json();
        CliRun r = CliRun.of("batch", ROBUST, "--confidence", "99", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(99.0, r.json().at("/certainty/confidencePct").asDouble());
        assertTrue(r.json().at("/cost/total").asDouble() > at95.at("/cost/total").asDouble(), "more certainty costs more Sc");
        assertTrue(r.json().get("passProbability").asDouble() > 0.98);
    }

    @Test
    void confidenceWithoutStatedUncertaintyChargesWithTheReferenceSpreads() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--confidence", "95", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.json().at("/certainty/robust").asBoolean());
        assertEquals("referenceDefaults", r.json().at("/monteCarlo/spreads").asText());
        assertTrue(r.json().at("/monteCarlo/perElement/Sc").asDouble() >= 0.95 - 3 * 0.0022);
    }

    /**
     * Worked example 2 by hand (ChargeSensitivityTest): Sc min costs 197,400 per percentage point, P1020 stays
     * charged up to P0610's 2.75, P0610 enters at P1020's 2.60; an unused bound costs nothing.
     */
    @Test
    void sensitivityHasTheContractShapeAndTheHandValues() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/almgsc-5028-type.json", "--sensitivity", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = r.json().get("sensitivity");
        JsonNode sc = find(s.get("limits"), "element", "Sc", "bound", "MIN");
        assertEquals(0.2, sc.get("limitPct").asDouble());
        assertTrue(sc.get("binding").asBoolean());
        assertEquals(197400.0, sc.get("costPerPctRelaxed").asDouble(), 0);
        JsonNode fe = find(s.get("limits"), "element", "Fe", "bound", "MAX");
        assertFalse(fe.get("binding").asBoolean());
        assertEquals(0.0, fe.get("costPerPctRelaxed").asDouble());
        JsonNode p1020 = find(s.get("materials"), "materialId", "P1020", null, null);
        assertTrue(p1020.get("inCharge").asBoolean());
        assertTrue(p1020.get("priceLow").isNull());
        assertEquals(2.75, p1020.get("priceHigh").asDouble(), 0);
        JsonNode p0610 = find(s.get("materials"), "materialId", "P0610", null, null);
        assertFalse(p0610.get("inCharge").asBoolean());
        assertEquals(2.6, p0610.get("priceLow").asDouble(), 0);
        assertTrue(p0610.get("priceHigh").isNull());
    }

    @Test
    void sensitivityInWordsNamesWhatEachBindingLimitCostsPerHundredthOfAPercent() {
        CliRun r = CliRun.of("batch", "recipes/almgsc-5028-sensitivity.json", "--sensitivity");
        assertEquals(0, r.exit(), r.err());
        // Fe max 0.14 %: 118,076.54 per point (ChargeSensitivityTest's finite differences), 1,180.77 per 0.01 %.
        assertTrue(r.out().contains("Fe max 0.14 %: 1180.77 per batch per 0.01 %") || r.out().contains("Fe max 0.14 %: 1180,77 par"),
                r.out());
        assertTrue(r.out().contains("Mg min 4.2 %: not binding") || r.out().contains("non contraignante"), r.out());
    }

    /** The front's ends are the least-CO2 and the least-cost charges of the same recipe. */
    @Test
    void paretoRunsFromTheLeastCo2ChargeToTheLeastCostOne() throws Exception {
        String file = "recipes/almgsc-5028-sensitivity.json";
        CliRun r = CliRun.of("batch", file, "--pareto", "co2", "--points", "10", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode front = r.json().get("pareto");
        assertEquals(10, front.size());
        assertEquals("co2", r.json().get("paretoAxis").asText());
        JsonNode leastCo2 = CliRun.of("batch", file, "--objective", "MIN_CO2", "--json").json();
        assertEquals(leastCo2.at("/co2/totalKg").asDouble(), front.get(0).get("co2Kg").asDouble(), 0.011);
        assertEquals(r.json().at("/cost/total").asDouble(), front.get(9).get("cost").asDouble(), 0.011);
        for (JsonNode p : front) {
            assertTrue(p.has("cost") && p.has("co2Kg") && p.has("scKg"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--confidence|100|--confidence must be a number above 50 and below 100",
        "--confidence|50|--confidence must be a number above 50 and below 100",
        "--confidence|abc|--confidence",
        "--pareto|nox|--pareto must be co2 or sc, was nox",
        "--draws|50|--draws must be from 10000",
    })
    void badOptionsExitTwoWithOneLine(String option, String value, String fragment) {
        CliRun r = CliRun.of("batch", ROBUST, option, value);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void pointsNeedAFrontAndARange() {
        assertTrue(CliRun.of("batch", ROBUST, "--points", "5").err().contains("--points needs --pareto"));
        assertEquals(2, CliRun.of("batch", ROBUST, "--pareto", "co2", "--points", "1").exit());
        assertEquals(2, CliRun.of("batch", ROBUST, "--pareto", "co2", "--points", "101").exit());
    }

    /**
     * Sc 1.95-2.05 % with the oxide's recovery spread (one standard deviation of the product's Sc is about
     * 0.06 %): no charge meets both limits 99 times in 100, though the nominal charge exists.
     */
    @Test
    void aConfidenceNoChargeReachesExitsThreeWithAnEmptyFrontAndNoPassProbability(@TempDir Path dir) throws Exception {
        Path narrow = dir.resolve("narrow.json");
        Files.writeString(narrow, Files.readString(Path.of(ROBUST)).replace("\"minPct\": 1.80, \"aimPct\": 2.00, \"maxPct\": 2.20",
                "\"minPct\": 1.95, \"aimPct\": 2.00, \"maxPct\": 2.05"));
        CliRun r = CliRun.of("batch", narrow.toString(), "--confidence", "99", "--pareto", "co2", "--json", "--sensitivity");
        JsonNode j = r.json();
        assertEquals(3, r.exit(), r.out());
        assertTrue(j.get("passProbability").isNull());
        assertEquals(0, j.get("pareto").size());
        assertEquals("INFEASIBLE", j.at("/sensitivity/unavailable").asText());
        assertEquals("CONFIDENCE", j.at("/diagnosis/0/kind").asText());
        // what holds it there: both Sc limits (the best charge sits between them), each as its own limit
        JsonNode held = j.at("/diagnosis/0/conflictsWith");
        assertEquals(2, held.size(), held.toString());
        for (JsonNode k : held) {
            assertEquals("ELEMENT", k.get("limit").asText());
            assertEquals("Sc", k.get("element").asText());
        }
        assertEquals(1.95, held.get(0).get("minPct").asDouble());
        assertTrue(held.get(0).get("maxPct").isNull());
        assertTrue(held.get(1).get("minPct").isNull());
        assertEquals(2.05, held.get(1).get("maxPct").asDouble());
        // each holds it on its own: not a set that holds it only together
        assertFalse(j.at("/diagnosis/0/heldTogether").asBoolean(true));
    }

    private static JsonNode find(JsonNode array, String k1, String v1, String k2, String v2) {
        for (JsonNode n : array) {
            if (n.get(k1).asText().equals(v1) && (k2 == null || n.get(k2).asText().equals(v2))) {
                return n;
            }
        }
        throw new AssertionError(k1 + "=" + v1 + " not in " + array);
    }
}
