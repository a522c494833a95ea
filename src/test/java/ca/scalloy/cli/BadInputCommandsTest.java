package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 7: bad input anywhere gets one line (exit 2, no stack trace) and writes nothing.
 * Each test first shows the fault as a user would meet it.
 */
class BadInputCommandsTest {

    private static final String OXIDE = "recipes/alsc2-oxide-route.json";

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("scalloy").toString();
    }

    /** Exit 2, nothing on standard output, one line on standard error holding every {@code expected} text. */
    private static String assertRefused(CliRun r, String... expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        for (String e : expected) {
            assertTrue(line.contains(e), "«" + e + "» in: " + line);
        }
        return line;
    }

    private int storedRecipes() throws Exception {
        return CliRun.of("recipes", "list", "--db", db(), "--json").json().size();
    }

    private String recipeNamed(String name) throws Exception {
        return Files.readString(Path.of(OXIDE)).replace("\"AlSc2 master alloy, oxide route\"", "\"" + name + "\"");
    }

    @Test
    void devZeroIsRefusedAsTooMuchForARecipeAndNothingIsStored() throws Exception {
        Path zero = Path.of("/dev/zero");
        assertRefused(CliRun.of("batch", zero.toString()), "/dev/zero", "more than 1 MiB", "a recipe file");
        assertRefused(CliRun.of("recipes", "import", zero.toString(), "--db", db()), "/dev/zero");
        assertEquals(0, storedRecipes());
    }

    @Test
    void aFileTooBigToBeARecipeIsRefusedWithTheLimit() throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, recipeNamed("Big") + " ".repeat(2 << 20));
        assertRefused(CliRun.of("batch", big.toString()), "big.json", "too big for a recipe file", "at most 1 MiB");
        assertRefused(CliRun.of("import", big.toString(), "--db", db()), "big.json", "nothing imported");
        assertEquals(0, storedRecipes());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheEncodingExpected() throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, recipeNamed("Alliage d'essai – coulée").getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(CliRun.of("batch", latin1.toString()), "latin1.json", "is not UTF-8 text", "UTF-8 was expected");
        assertRefused(CliRun.of("import", latin1.toString(), "--db", db()), "latin1.json", "UTF-8 was expected", "nothing imported");
        assertEquals(0, storedRecipes());
    }

    @Test
    void aSpectrometerExportThatIsNotUtf8OrIsDevZeroIsRefusedAndNoSampleStored() throws Exception {
        CliRun created = CliRun.of("heats", "create", "--recipe", OXIDE, "--spec", "AlSc2", "--db", db(), "--json");
        assertEquals(0, created.exit(), created.err());
        String heat = created.json().get("number").asText();
        Path latin1 = dir.resolve("oes-latin1.csv");
        Files.write(latin1, ("Échantillon;Sc;Fe\n" + heat + "-1;1,98;0,10\n").getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(CliRun.of("heats", "sample", heat, "--import", latin1.toString(), "--db", db()), "oes-latin1.csv", "UTF-8 was expected");
        assertRefused(CliRun.of("heats", "sample", heat, "--import", "/dev/zero", "--db", db()), "/dev/zero", "more than 16 MiB", "a spectrometer export");
        assertEquals(0, CliRun.of("heats", "show", heat, "--db", db(), "--json").json().get("samples").size());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        Path bom = dir.resolve("bom.json");
        byte[] text = recipeNamed("Avec BOM").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(bom, withBom);
        CliRun r = CliRun.of("batch", bom.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Avec BOM", r.json().get("recipe").asText());
        assertEquals(0, CliRun.of("import", bom.toString(), "--db", db()).exit());
        assertEquals(1, storedRecipes());
    }

    @Test
    void hexadecimalFloatsAndNumbersThatOverflowAreRefusedNamingTheFieldAndValue() throws Exception {
        assertRefused(CliRun.of("batch", OXIDE, "--mass", "0x1p3"), "--mass", "0x1p3", "not a decimal number");
        assertRefused(CliRun.of("batch", OXIDE, "--mass", "1e999"), "--mass", "1e999", "overflows to infinity");
        assertRefused(CliRun.of("trim", "--recipe", OXIDE, "--melt-kg", "1000", "--analysis", "Sc=0x1p3"), "--analysis", "Sc", "0x1p3");
        assertRefused(CliRun.of("trim", "--recipe", OXIDE, "--melt-kg", "1000", "--analysis", "Sc=1e999"), "Sc", "1e999", "infinity");

        Path overflow = dir.resolve("overflow.json");
        Files.writeString(overflow, Files.readString(Path.of(OXIDE)).replace("\"pricePerKg\": 2.60", "\"pricePerKg\": 1e999"));
        assertRefused(CliRun.of("batch", overflow.toString()), "overflow.json", "$.materials[0].pricePerKg", "1E+999", "infinity");
        Path hex = dir.resolve("hex.json");
        Files.writeString(hex, Files.readString(Path.of(OXIDE)).replace("\"pricePerKg\": 2.60", "\"pricePerKg\": 0x1p3"));
        assertRefused(CliRun.of("batch", hex.toString()), "hex.json", "not valid JSON at line 13", "'x'");
        assertRefused(CliRun.of("recipes", "import", overflow.toString(), "--db", db()), "1E+999");
        assertEquals(0, storedRecipes());
    }

    /**
     * A file cut short (a copy stopped mid-way) is said to be cut short, naming where the array or object it ends in
     * opened when it ends right inside one; Jackson's own description of its input ("[Source: REDACTED ...]") never
     * reaches the user. The oxide-route recipe is cut at three places, then right after its "materials" array opens.
     */
    @Test
    void aFileCutShortIsSaidToBeCutShortNamingWhereItsArrayOpened() throws Exception {
        String whole = Files.readString(Path.of(OXIDE));
        Path cut = dir.resolve("cut.json");
        for (int length : new int[] {700, whole.length() / 2, whole.length() - 2}) {
            Files.writeString(cut, whole.substring(0, length));
            String said = assertRefused(CliRun.of("batch", cut.toString()), "cut.json", "not valid JSON", "cut short");
            assertFalse(said.contains("Source") || said.contains("REDACTED") || said.contains("marker"), said);
        }
        // right after the "[" of the "materials" array: where it opened is named (its line of the file, its column)
        String toArray = whole.substring(0, whole.indexOf('[', whole.indexOf("\"materials\"")) + 1);
        Files.writeString(cut, toArray);
        int line = (int) toArray.chars().filter(c -> c == '\n').count() + 1;
        int column = toArray.length() - 1 - toArray.lastIndexOf('\n'); // the "[" itself, columns counted from 1
        assertRefused(CliRun.of("batch", cut.toString()), "the array opened at line " + line + ", column " + column + " is not closed");

        Path specs = dir.resolve("specs.json");
        assertEquals(0, CliRun.of("export", "specs", "--out", specs.toString(), "--db", db()).exit());
        String exported = Files.readString(specs);
        Files.writeString(specs, exported.substring(0, exported.length() / 2));
        String said = assertRefused(CliRun.of("import", specs.toString(), "--db", db()), "specs.json", "cut short");
        assertFalse(said.contains("Source") || said.contains("REDACTED"), said);
    }

    @Test
    void textsLongerThanTheirColumnAreRefusedWithTheFieldAndTheLimit() throws Exception {
        Path longName = dir.resolve("long-name.json");
        Files.writeString(longName, recipeNamed("R".repeat(201)));
        assertRefused(CliRun.of("recipes", "import", longName.toString(), "--db", db()),
                "recipe name is 201 characters long; at most 200 are kept");
        assertRefused(CliRun.of("import", longName.toString(), "--db", db()), "long-name.json", "recipe name", "at most 200");
        assertEquals(0, storedRecipes());

        assertRefused(CliRun.of("lots", "add", "L".repeat(101), "--material", "AL-P1020", "--db", db()),
                "lot number is 101 characters long; at most 100 are kept");
        assertEquals(0, CliRun.of("lots", "list", "AL-P1020", "--db", db(), "--json").json().size());
        assertRefused(CliRun.of("settings", "set", "company.name", "C".repeat(1001), "--db", db()),
                "setting company.name is 1001 characters long; at most 1000 are kept");
        assertRefused(CliRun.of("heats", "create", "--recipe", OXIDE, "--spec", "AlSc2", "--furnace", "F".repeat(101), "--db", db()),
                "furnace is 101 characters long; at most 100 are kept");
        assertEquals(0, CliRun.of("heats", "list", "--db", db(), "--json").json().size());

        Path materials = dir.resolve("materials.json");
        Files.writeString(materials, "{\"format\": \"scalloy-materials\", \"formatVersion\": 1, \"materials\": [{\"id\": \"AL-X\", \"name\": \""
                + "N".repeat(201) + "\", \"kind\": \"METAL\", \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.5}]}");
        assertRefused(CliRun.of("import", materials.toString(), "--db", db()), "materials.json", "material AL-X: name", "at most 200",
                "nothing imported");
        assertEquals(0, CliRun.of("materials", "list", "--search", "AL-X", "--db", db(), "--json").json().size());
    }

    @Test
    void aPriceDatedInTheFutureIsRefusedAndNothingImported() throws Exception {
        Path materials = dir.resolve("future.json");
        Files.writeString(materials, "{\"format\": \"scalloy-materials\", \"formatVersion\": 1, \"materials\": ["
                + "{\"id\": \"AL-NOW\", \"kind\": \"METAL\", \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.5, \"priceSetAt\": \"2020-01-01\"},"
                + "{\"id\": \"AL-LATER\", \"kind\": \"METAL\", \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.5, \"priceSetAt\": \"2999-01-01\"}]}");
        assertRefused(CliRun.of("import", materials.toString(), "--db", db()), "future.json", "AL-LATER", "2999-01-01", "in the future",
                "nothing imported");
        assertEquals(0, CliRun.of("materials", "list", "--search", "AL-NOW", "--db", db(), "--json").json().size(), "AL-NOW is not stored either");
    }

    @Test
    void anOutputFileThatExistsIsRefusedWithoutForceAndKeptAsItWas() throws Exception {
        byte[] mine = "my own file, not to be lost".getBytes(StandardCharsets.UTF_8);
        Path existing = dir.resolve("existing.pdf");
        Files.write(existing, mine);
        String f = existing.toString();

        assertRefused(CliRun.of("sheet", OXIDE, "--out", f), "--out", f, "exists", "--force");
        assertRefused(CliRun.of("batch", OXIDE, "--csv", f), "--csv", f, "--force");
        assertRefused(CliRun.of("export", "materials", "--out", f, "--db", db()), "--out", f, "--force");
        assertRefused(CliRun.of("audit", "--csv", f, "--db", db()), "--csv", f, "--force");
        assertRefused(CliRun.of("db", "backup", f, "--db", db()), f, "exists", "--force");
        assertRefused(CliRun.of("certificate", "H-2026-0001", "--out", f, "--db", db()), "--out", f, "--force");
        assertArrayEquals(mine, Files.readAllBytes(existing));

        Path folder = dir.resolve("recipes-out");
        assertEquals(0, CliRun.of("recipes", "import", OXIDE, "--db", db()).exit());
        assertEquals(0, CliRun.of("export", "recipes", "--out", folder.toString(), "--db", db()).exit());
        assertRefused(CliRun.of("export", "recipes", "--out", folder.toString(), "--db", db()), "exists", "--force");

        CliRun forced = CliRun.of("sheet", OXIDE, "--out", f, "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(new String(Files.readAllBytes(existing), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(0, CliRun.of("db", "backup", f, "--force", "--db", db()).exit());
    }

    @Test
    void aPasswordInsideTheDatabaseUrlIsRefusedPointingToTheEnvironmentVariable() {
        String line = assertRefused(CliRun.of("db", "info", "--db-url", "jdbc:postgresql://plant-db:5432/scalloy?user=jroy&password=hunter2"),
                "--db-url", "password=***", "SCALLOY_DB_PASSWORD");
        assertFalse(line.contains("hunter2"), line);
        String userInfo = assertRefused(CliRun.of("recipes", "list", "--db-url", "jdbc:postgresql://jroy:hunter2@plant-db/scalloy"),
                "SCALLOY_DB_PASSWORD");
        assertFalse(userInfo.contains("hunter2"), userInfo);
        String from = assertRefused(CliRun.of("db", "migrate-to", "--from-url", "jdbc:postgresql://plant-db/scalloy?password=hunter2",
                "--db-url", "jdbc:h2:file:" + "/tmp/never-made"), "--from-url", "SCALLOY_FROM_DB_PASSWORD");
        assertFalse(from.contains("hunter2"), from);
    }
}
