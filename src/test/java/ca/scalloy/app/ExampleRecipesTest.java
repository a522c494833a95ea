package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ca.scalloy.io.RecipeFiles;
import ca.scalloy.ui.common.Messages;

/** The examples the welcome offers are those of recipes/, shipped in the jar, each described in both languages. */
class ExampleRecipesTest {

    @Test
    void theWelcomeListsEveryExampleOfTheRecipesFolderAndNothingElse() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of("recipes"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(ExampleRecipes.NAMES));
    }

    @Test
    void everyExampleIsReadFromTheClassPathAsTheFileItCameFrom() throws Exception {
        for (String name : ExampleRecipes.NAMES) {
            assertEquals(RecipeFiles.read(Path.of("recipes", name + ".json")), ExampleRecipes.read(name), name);
        }
    }

    @Test
    void anExampleTheJarDoesNotHoldIsAnIoErrorNamingIt() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ExampleRecipes.read("no-such-example"));
        assertEquals("no /ca/scalloy/app/examples/no-such-example.json in the application", e.getMessage());
    }

    @Test
    void everyExampleIsDescribedInEnglishAndFrench() {
        for (Locale locale : new Locale[] {Locale.CANADA, Locale.CANADA_FRENCH}) {
            Messages m = Messages.forLocale(locale);
            for (String name : ExampleRecipes.NAMES) {
                String key = "welcome.example." + name;
                assertTrue(m.has(key) && !m.get(key).isBlank(), key + " in " + locale);
            }
        }
    }
}
