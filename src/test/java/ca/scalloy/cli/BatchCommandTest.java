package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class BatchCommandTest {

    /* Worked example 1 (derivation in ChargeCalculatorWorkedExamplesTest): the JSON, key for key. */
    @Test
    void jsonOutputOfTheOxideRouteHasTheDocumentedShapeAndValues() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("OPTIMAL", j.get("status").asText());
        assertEquals("AIM", j.get("objective").asText());
        JsonNode first = j.get("charge").get(0);
        assertEquals("AL-P1020", first.get("materialId").asText());
        assertEquals(992.0036, first.get("massKg").asDouble(), 0);
        assertTrue(first.get("pieces").isNull());
        assertEquals(1000.0, j.at("/product/massKg").asDouble(), 0);
        assertEquals(97.8512, j.at("/product/compositionPct/Al").asDouble(), 0);
        assertEquals(2.0, j.at("/product/compositionPct/Sc").asDouble(), 0);
        assertEquals(136.5079, j.get("slagKg").asDouble(), 0);
        assertEquals(0.0, j.get("drossKg").asDouble(), 0);
        assertEquals(1136.5079, j.at("/massBalance/inKg").asDouble(), 0);
        assertEquals(1136.5079, j.at("/massBalance/outKg").asDouble(), 0);
        assertEquals(56930.90, j.at("/cost/total").asDouble(), 0);
        assertEquals(56.9309, j.at("/cost/perKgProduct").asDouble(), 0);
        assertEquals(5774.32, j.at("/co2/totalKg").asDouble(), 0);
        assertEquals(5.7743, j.at("/co2/perKgProduct").asDouble(), 0);
        assertTrue(j.get("diagnosis").isArray() && j.get("diagnosis").isEmpty());
    }

    /* Example 1 with MIN_COST: Sc2O3 32.5135 kg, P1020 992.8032 kg, cost 51,497.81 (derived in the engine test). */
    @Test
    void objectiveOptionOverridesTheRecipe() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--objective", "MIN_COST", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(51497.81, r.json().at("/cost/total").asDouble(), 0);
        assertEquals("MIN_COST", r.json().get("objective").asText());
    }

    /* --mass 2000 doubles every charge line of example 1 on aim: 2 x 36.12608 = 72.25216 -> 72.2522 kg Sc2O3. */
    @Test
    void massOptionScalesTheCharge() throws Exception {
        CliRun r = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--mass", "2000", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2000.0, r.json().at("/product/massKg").asDouble(), 0);
        assertEquals(72.2522, r.json().get("charge").get(1).get("massKg").asDouble(), 1e-4);
    }

    /* P1020 carries 0.10 % Fe and is ~99 % of the charge; Fe max 0.05 % cannot be met: exit 3 with a diagnosis. */
    @Test
    void infeasibleTargetExitsThreeWithADiagnosis(@TempDir Path dir) throws Exception {
        String json = Files.readString(Path.of("recipes/alsc2-oxide-route.json"))
                .replace("{\"element\": \"Fe\", \"maxPct\": 0.15}", "{\"element\": \"Fe\", \"maxPct\": 0.05}");
        Path f = dir.resolve("low-fe.json");
        Files.writeString(f, json);
        CliRun r = CliRun.of("batch", f.toString(), "--json");
        assertEquals(3, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("INFEASIBLE", j.get("status").asText());
        JsonNode d = j.get("diagnosis").get(0);
        assertEquals("ELEMENT_MAX", d.get("kind").asText());
        assertEquals("Fe", d.get("element").asText());
        assertTrue(d.get("message").asText().startsWith("Fe max 0.05 %: the lowest reachable with these materials is"),
                d.get("message").asText());

        CliRun text = CliRun.of("batch", f.toString());
        assertEquals(3, text.exit());
        assertTrue(text.out().contains("Fe max 0.05 %"), text.out());
    }

    @Test
    void invalidFileExitsTwoWithOneLineNamingFileFieldAndValue(@TempDir Path dir) throws Exception {
        String json = Files.readString(Path.of("recipes/alsc2-oxide-route.json")).replace("\"pricePerKg\": 2.60", "\"pricePerKg\": -2.60");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        CliRun r = CliRun.of("batch", f.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("bad.json") && line.contains("$.materials[0].pricePerKg") && line.contains("-2.6"), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
    }

    @Test
    void missingFileAndBadOptionsExitTwoWithoutAStackTrace() {
        CliRun missing = CliRun.of("batch", "no/such/recipe.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        CliRun badObjective = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--objective", "CHEAPEST");
        assertEquals(2, badObjective.exit());
        assertTrue(badObjective.err().contains("CHEAPEST"), badObjective.err());
        assertFalse(badObjective.err().contains("\tat "), badObjective.err());

        CliRun badMass = CliRun.of("batch", "recipes/alsc2-oxide-route.json", "--mass", "-5");
        assertEquals(2, badMass.exit());
        assertTrue(badMass.err().contains("--mass") && badMass.err().contains("-5"), badMass.err());
    }

    @Test
    void readableTableListsEveryChargeLineAndTheMassBalance() {
        CliRun r = CliRun.of("batch", "recipes/almgsc-5028-type.json");
        assertEquals(0, r.exit(), r.err());
        for (String id : new String[] {"P1020", "MG999", "ALSC2", "ALZR10", "ALMN20"}) {
            assertTrue(r.out().contains(id), id + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("2002.5979 kg = 2002.5979 kg"), r.out());
    }

    /* Every shipped recipe solves (none of them is meant to be infeasible). */
    @Test
    void everyShippedRecipeSolves() throws Exception {
        try (var files = Files.list(Path.of("recipes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                CliRun r = CliRun.of("batch", f.toString(), "--json");
                assertEquals(0, r.exit(), f + ": " + r.out() + r.err());
            }
        }
    }
}
