package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.io.RecipeFiles;

class ImportExportCommandTest {

    @Test
    void recipesImportedFromAFolderExportBackIdentical(@TempDir Path dir) throws Exception {
        String db = dir.resolve("db/scalloy").toString();
        CliRun imp = CliRun.of("import", "recipes", "--db", db);
        assertEquals(0, imp.exit(), imp.err());
        Path out = dir.resolve("export");
        CliRun exp = CliRun.of("export", "recipes", "--out", out.toString(), "--db", db);
        assertEquals(0, exp.exit(), exp.err());
        try (Stream<Path> originals = Files.list(Path.of("recipes"))) {
            for (Path original : originals.filter(p -> p.toString().endsWith(".json")).toList()) {
                var recipe = RecipeFiles.read(original);
                Path exported = out.resolve(ExportCommand.fileName(recipe.name()) + ".json");
                assertEquals(recipe, RecipeFiles.read(exported), original.toString());
            }
        }
    }

    @Test
    void aBadFileAmongGoodOnesImportsNothing(@TempDir Path dir) throws Exception {
        String db = dir.resolve("db/scalloy").toString();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("recipes/alsc2-oxide-route.json")).replace("\"pricePerKg\": 2.60", "\"pricePerKg\": -1"));
        CliRun r = CliRun.of("import", "recipes/almgsc-5028-type.json", bad.toString(), "--db", db);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.json") && r.err().contains("nothing imported"), r.err());
        CliRun list = CliRun.of("recipes", "list", "--json", "--db", db);
        assertEquals("[ ]", list.out().strip());
    }

    @Test
    void materialsAndSpecificationsRoundTripThroughFiles(@TempDir Path dir) throws Exception {
        String first = dir.resolve("a/scalloy").toString();
        String second = dir.resolve("b/scalloy").toString();
        Path materials = dir.resolve("materials.json");
        Path specs = dir.resolve("specs.json");
        assertEquals(0, CliRun.of("export", "materials", "--out", materials.toString(), "--db", first).exit());
        assertEquals(0, CliRun.of("export", "specs", "--out", specs.toString(), "--db", first).exit());
        CliRun imp = CliRun.of("import", materials.toString(), specs.toString(), "--db", second);
        assertEquals(0, imp.exit(), imp.err());
        assertEquals(CliRun.of("specs", "list", "--json", "--db", first).json().size(),
                CliRun.of("specs", "list", "--json", "--db", second).json().size());
    }

    /* Two samples of one heat: the heats JSON carries both, the heats CSV one row, the samples CSV two rows with Sc columns. */
    @Test
    void heatsAndSamplesExportAsJsonAndCsv(@TempDir Path dir) throws Exception {
        String db = dir.resolve("db/scalloy").toString();
        String heat = "H-" + java.time.Year.now(java.time.ZoneOffset.UTC) + "-0001";
        assertEquals(0, CliRun.of("heats", "create", "--recipe", "recipes/alsc2-oxide-route.json", "--spec", "AlSc2", "--db", db).exit());
        assertEquals(0, CliRun.of("heats", "move", heat, "CHARGED", "--db", db).exit());
        CliRun.of("heats", "sample", heat, "--analysis", "Sc=1.75,Fe=0.1", "--db", db);
        CliRun.of("heats", "sample", heat, "--analysis", "Sc=1.95,Fe=0.1", "--db", db);
        Path json = dir.resolve("heats.json");
        assertEquals(0, CliRun.of("export", "heats", "--out", json.toString(), "--db", db).exit());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(json));
        assertEquals("scalloy-heats", tree.get("format").asText());
        assertEquals(2, tree.get("heats").get(0).get("samples").size());
        Path heatsCsv = dir.resolve("heats.csv");
        assertEquals(0, CliRun.of("export", "heats", "--out", heatsCsv.toString(), "--csv-separator", ",", "--db", db).exit());
        var heatRows = Files.readAllLines(heatsCsv);
        assertEquals(2, heatRows.size());
        assertTrue(heatRows.get(1).startsWith(heat + ",SAMPLED,"), heatRows.get(1));
        Path samplesCsv = dir.resolve("samples.csv");
        assertEquals(0, CliRun.of("export", "samples", "--out", samplesCsv.toString(), "--csv-separator", ";", "--db", db).exit());
        var rows = Files.readAllLines(samplesCsv);
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).contains("ScWtPct"), rows.get(0));
        // AlSc2 also limits Si, Cu, Zn, Ti, Ca and Na, which these hand samples do not report: the second is INCOMPLETE, not PASS.
        assertTrue(rows.get(1).contains(";FAIL;") && rows.get(2).contains(";INCOMPLETE;"), rows.toString());
    }
}
