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
}
