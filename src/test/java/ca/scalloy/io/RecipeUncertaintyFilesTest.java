package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialUncertainty;
import ca.scalloy.engine.charge.Recipe;

/** Issue 14's additions to recipe format 1: a material's {@code uncertainty} and the recipe's {@code confidencePct}. */
class RecipeUncertaintyFilesTest {

    private static final Path ROBUST = Path.of("recipes/alsc2-oxide-route-robust.json");

    @Test
    void readsTheRobustExampleFieldByField() throws Exception {
        Recipe r = RecipeFiles.read(ROBUST);
        assertEquals(95.0, r.confidencePct());
        Material oxide = r.material("SC2O3-999").orElseThrow();
        assertEquals(new MaterialUncertainty(Map.of("Sc", 0.2), Map.of("Sc", 3.0)), oxide.uncertainty());
        assertEquals(0.01, r.material("AL-P1020").orElseThrow().uncertainty().compositionSd("Fe"));
        assertEquals(MaterialUncertainty.NONE, r.material("FLUX-CRYO").orElseThrow().uncertainty());
        assertTrue(r.statesUncertainty());
    }

    @Test
    void aFormatOneFileWithoutTheNewFieldsMeansWhatItMeant() throws Exception {
        Recipe r = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        assertNull(r.confidencePct());
        assertFalse(r.statesUncertainty());
        String json = RecipeFiles.toJson(r);
        assertFalse(json.contains("confidencePct"), "nothing is written that was not there");
        assertFalse(json.contains("uncertainty"));
    }

    @Test
    void theNewFieldsAreWrittenBackAsRead() throws Exception {
        Recipe r = RecipeFiles.read(ROBUST);
        String json = RecipeFiles.toJson(r);
        assertTrue(json.contains("\"confidencePct\" : 95.0"), json);
        assertTrue(json.contains("\"recoverySdPct\" : {\n        \"Sc\" : 3.0"), json);
        assertEquals(r, RecipeFiles.parse(json, "again"));
    }

    /** Each row: a mutation of the robust example, the JSON path the one-line message must name, a fragment it must contain. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "confidence above 100    | \"confidencePct\": 95 | \"confidencePct\": 100    | $.confidencePct | 100",
        "confidence below 50     | \"confidencePct\": 95 | \"confidencePct\": 40     | $.confidencePct | 40",
        "confidence of 50        | \"confidencePct\": 95 | \"confidencePct\": 50     | $.confidencePct | exclusive minimum value of 50",
        "negative assay sd       | \"compositionSdPct\": {\"Sc\": 0.2} | \"compositionSdPct\": {\"Sc\": -0.2} | $.materials[1].uncertainty.compositionSdPct | -0.2",
        "confidence as text      | \"confidencePct\": 95 | \"confidencePct\": \"95 %\" | $.confidencePct | 95 %",
        "negative sd             | \"recoverySdPct\": {\"Sc\": 3.0} | \"recoverySdPct\": {\"Sc\": -3} | $.materials[1].uncertainty.recoverySdPct | -3",
        "sd of an unknown element| \"recoverySdPct\": {\"Sc\": 3.0} | \"recoverySdPct\": {\"Qq\": 3} | $.materials[1].uncertainty.recoverySdPct | Qq",
        "sd of what a compound does not deliver | \"compositionSdPct\": {\"Sc\": 0.2} | \"compositionSdPct\": {\"Fe\": 0.2} | $.materials[1].uncertainty.compositionSdPct.Fe | Sc",
        "sd of a balance element | \"compositionSdPct\": {\"Fe\": 0.01, \"Si\": 0.005} | \"compositionSdPct\": {\"Al\": 0.3} | $.materials[0].uncertainty.compositionSdPct.Al | balance",
        "unknown property key    | \"confidencePct\": 95 | \"confidencePct\": 95, \"propertyTargets\": [{\"property\": \"hardnessHV\", \"minValue\": 300}] | $.propertyTargets[0].property | hardnessHV",
        "property min above max  | \"confidencePct\": 95 | \"confidencePct\": 95, \"propertyTargets\": [{\"property\": \"yieldStrengthMPa\", \"minValue\": 300, \"maxValue\": 250}] | $.propertyTargets[0] | 300 is above maxValue 250",
        "unparsable schedule     | \"confidencePct\": 95 | \"confidencePct\": 95, \"propertyTargets\": [{\"property\": \"yieldStrengthMPa\", \"minValue\": 300, \"schedule\": \"325h4\"}] | $.propertyTargets[0].schedule | 325h4",
        "unknown process         | \"confidencePct\": 95 | \"confidencePct\": 95, \"propertyTargets\": [{\"property\": \"yieldStrengthMPa\", \"minValue\": 300, \"process\": \"LASER\"}] | $.propertyTargets[0].process | CAST, RAPID, EQUILIBRIUM",
        "property target without a limit | \"confidencePct\": 95 | \"confidencePct\": 95, \"propertyTargets\": [{\"property\": \"liquidusC\"}] | $.propertyTargets[0] | minValue",
        "uncertainty not an object | \"uncertainty\": {\"compositionSdPct\": {\"Fe\": 0.01, \"Si\": 0.005}} | \"uncertainty\": 3 | $.materials[0].uncertainty | 3",
    })
    void badUncertaintyIsRefusedNamingFieldAndValue(String label, String from, String to, String path, String fragment) throws Exception {
        String json = Files.readString(ROBUST, StandardCharsets.UTF_8);
        assertTrue(json.contains(from), "fixture should contain " + from);
        String bad = json.replace(from, to);
        RecipeFormatException e = assertThrows(RecipeFormatException.class, () -> RecipeFiles.parse(bad, "bad.json"));
        assertTrue(e.jsonPath().startsWith(path), () -> "path " + e.jsonPath() + " should start with " + path + " in: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "message should name " + fragment + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
