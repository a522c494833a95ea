package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.Recipe;

class RecipeFilesTest {

    static Stream<Path> shippedRecipes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("recipes"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 7, "recipes/ should ship at least the seven examples, found " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedRecipes")
    void everyShippedRecipeRoundTripsToAnIdenticalRecipe(Path file) throws Exception {
        Recipe read = RecipeFiles.read(file);
        Recipe again = RecipeFiles.parse(RecipeFiles.toJson(read), "round trip of " + file);
        assertEquals(read, again);
        assertEquals(RecipeFiles.toJson(read), RecipeFiles.toJson(again));
    }

    @ParameterizedTest
    @MethodSource("shippedRecipes")
    void aRecipeRebuiltFromItsBuilderIsTheSameRecipe(Path file) throws Exception {
        Recipe read = RecipeFiles.read(file);
        assertEquals(read, read.toBuilder().build());
    }

    @Test
    void theBuildersDefaultsAreWhatAFileMeansWhenTheFieldsAreAbsent() throws Exception {
        // A file with only a batch mass and one material: every other field takes the format's default (README, "Recipe files").
        String json = "{\"format\": \"scalloy-recipe\", \"formatVersion\": 1, \"batchMassKg\": 500, \"materials\": [{\"id\": \"P1020\", \"kind\": \"METAL\","
                + " \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.6, \"co2KgPerKg\": 4.0}]}";
        Recipe read = RecipeFiles.parse(json, "minimal.json");
        assertEquals(Recipe.builder().batchMassKg(500.0).materials(read.materials()).build(), read);
    }

    @Test
    void readsTheIssueExampleFieldByField() throws Exception {
        Recipe r = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        assertEquals("AlSc2", r.grade());
        assertEquals(1000.0, r.batchMassKg());
        assertEquals(Objective.AIM, r.objective());
        assertEquals(97.0, r.recoveryPct().get("Mg"));
        assertEquals(3, r.materials().size());
        assertEquals(MaterialKind.COMPOUND, r.materials().get(1).kind());
        assertEquals("Sc", r.materials().get(1).deliveredElement());
        assertEquals(3.0, r.materials().get(1).flux().kgPerKg());
        assertEquals(1.80, r.target("Sc").orElseThrow().minPct());
    }

    @Test
    void writeReplacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Recipe r = RecipeFiles.read(Path.of("recipes/almgsc-5028-type.json"));
        Path out = dir.resolve("copy.json");
        Files.writeString(out, "old content");
        RecipeFiles.write(r, out);
        assertEquals(r, RecipeFiles.read(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    /** Each row: a mutation of a valid recipe, the JSON path the message must name, a fragment it must contain. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative price          | \"pricePerKg\": 2.60 | \"pricePerKg\": -3       | $.materials[0].pricePerKg | -3",
        "negative batch mass     | \"batchMassKg\": 1000 | \"batchMassKg\": -5      | $.batchMassKg             | -5",
        "unknown element         | {\"Fe\": 0.10, \"Si\": 0.05} | {\"Xq\": 0.10}   | $.materials[0].compositionPct | Xq",
        "composition over 100    | {\"Fe\": 0.10, \"Si\": 0.05} | {\"Fe\": 60, \"Si\": 50} | $.materials[0].compositionPct | 110",
        "negative wt%            | {\"Fe\": 0.10, \"Si\": 0.05} | {\"Fe\": -0.1} | $.materials[0].compositionPct | -0.1",
        "unknown kind            | \"kind\": \"METAL\"   | \"kind\": \"INGOT\"      | $.materials[0].kind       | INGOT",
        "unknown objective       | \"objective\": \"AIM\" | \"objective\": \"CHEAP\" | $.objective             | CHEAP",
        "min above max           | \"minPct\": 1.80      | \"minPct\": 2.50         | $.targets[0]              | 2.5",
        "missing flux            | \"materialId\": \"FLUX-CRYO\" | \"materialId\": \"FLUX-X\" | $.materials[1].flux.materialId | FLUX-X",
        "unparsable formula      | \"formula\": \"Sc2O3\" | \"formula\": \"Sc2O3)\"  | $.materials[1].formula    | Sc2O3)",
        "text for a number       | \"pricePerKg\": 1500  | \"pricePerKg\": \"cheap\" | $.materials[1].pricePerKg | cheap",
        "min stock above max     | \"minKg\": 0,         | \"minKg\": 50, \"maxKg\": 10, | $.materials[0]          | 50",
        "newer format version    | \"formatVersion\": 1  | \"formatVersion\": 2     | $.formatVersion           | newer",
        "wrong format            | \"scalloy-recipe\"    | \"other-recipe\"         | $.format                  | other-recipe",
        "purity above 100        | \"purityPct\": 99.9   | \"purityPct\": 120       | $.materials[1]            | 120",
        "recovery above 100      | {\"Sc\": 85}          | {\"Sc\": 185}            | $.materials[1]            | 185",
    })
    void badInputIsRefusedWithAMessageNamingFieldAndValue(String label, String from, String to, String path,
                                                          String valueFragment) throws Exception {
        String json = Files.readString(Path.of("recipes/alsc2-oxide-route.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), "fixture should contain " + from);
        String bad = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        if (label.startsWith("min stock")) {
            bad = bad.replaceFirst("\"maxKg\": null, ", "");
        }
        String finalBad = bad;
        RecipeFormatException e = assertThrows(RecipeFormatException.class, () -> RecipeFiles.parse(finalBad, "bad.json"));
        assertTrue(e.jsonPath().startsWith(path), () -> "path " + e.jsonPath() + " should start with " + path + " in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(valueFragment), () -> "message should name " + valueFragment + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    /* In recipes/alsc2-oxide-route.json, P1020's pricePerKg sits on line 13 and Sc2O3's purityPct on line 16. */
    @Test
    void schemaAndEngineErrorsNameTheJsonPointerAndTheLine() throws Exception {
        String json = Files.readString(Path.of("recipes/alsc2-oxide-route.json"), StandardCharsets.UTF_8);
        RecipeFormatException price = assertThrows(RecipeFormatException.class,
                () -> RecipeFiles.parse(json.replace("\"pricePerKg\": 2.60", "\"pricePerKg\": -1"), "r.json"));
        assertEquals(13, price.line());
        assertEquals("/materials/0/pricePerKg", price.jsonPointer());
        assertTrue(price.getMessage().contains("line 13") && price.getMessage().contains("/materials/0/pricePerKg"), price.getMessage());
        RecipeFormatException formula = assertThrows(RecipeFormatException.class,
                () -> RecipeFiles.parse(json.replace("\"formula\": \"Sc2O3\"", "\"formula\": \"Sc2Q3\""), "r.json"));
        assertEquals(16, formula.line());
    }

    @Test
    void thePublishedSchemaIsTheOneTheImporterUses() throws Exception {
        String published = Files.readString(Path.of("schemas/" + RecipeSchema.FILE), StandardCharsets.UTF_8);
        try (var in = RecipeSchema.class.getResourceAsStream("schemas/" + RecipeSchema.FILE)) {
            assertEquals(published, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedJsonNamesTheLine() {
        String json = "{\n  \"format\": \"scalloy-recipe\",\n  \"formatVersion\": 1,\n  \"name\": \"x\"\n  \"grade\": \"y\"\n}";
        RecipeFormatException e = assertThrows(RecipeFormatException.class, () -> RecipeFiles.parse(json, "broken.json"));
        assertEquals("$", e.jsonPath());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        RecipeFormatException e = assertThrows(RecipeFormatException.class, () -> RecipeFiles.parse("  ", "empty.json"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerOptionalFieldsStayReadable() throws Exception {
        String json = Files.readString(Path.of("recipes/alsc2-oxide-route.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"grade\": \"AlSc2\",", "\"grade\": \"AlSc2\", \"customer\": \"ACME\",");
        assertEquals("AlSc2", RecipeFiles.parse(json, "extra.json").grade());
    }
}
