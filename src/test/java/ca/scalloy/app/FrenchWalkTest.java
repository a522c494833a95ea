package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.ui.common.Screen;

/**
 * The real workbench in French, walked screen by screen with an example recipe, an infeasible one and a bad input:
 * every text on show (labels, cells, headers, menus, tooltips, prompts, titles, the status bar) is checked against
 * the application's own English (the English bundle's texts that French says otherwise, and the engine's English
 * sentences): none may show (issue 13 point 5).
 */
public class FrenchWalkTest extends FxRobot {

    /**
     * Same in both languages or names from data: symbols and units are matched as whole words anyway and are not
     * English; these few are words that both languages write alike but the English bundle holds in a longer text.
     */
    private static final Set<String> SAME_IN_BOTH = Set.of("Scalloy", "Hall-Petch", "Orowan", "Scheil", "Al3Sc", "Al3(Sc,Zr)",
            "liquidus", "solidus", "solvus", "Total", "Code", "Options", "Version", "Date", "Message", "Sections", "Type", "Notes",
            "Source", "Composition", "Minimum", "Maximum", "Description", "Production", "Audit", "Certificat",
            // an English verb between two arguments ("line {2} charges {3}") that is also the French noun ("ces charges")
            "charges",
            // the language menu names each language in its own words
            "English");

    @RegisterExtension
    final RealWorkbench workbench = new RealWorkbench();
    private List<String> dataNames = List.of();

    @Test
    void everyScreenInFrenchShowsNoneOfTheApplicationsEnglish() throws Exception {
        List<Pattern> english = englishOfTheApplication();
        dataNames = dataNames();
        assertTrue(dataNames.size() > 10, "names read from the data files: " + dataNames);
        assertTrue(english.size() > 500, "only " + english.size() + " English texts: has the bundle's layout changed?");
        workbench.start(this, "fr");
        Map<String, String> found = new TreeMap<>();
        check("welcome", english, found);

        workbench.openExample(this);
        for (Screen s : Screen.values()) {
            clickOn("#nav-" + s.name());
            settle();
            check(s.name(), english, found);
        }

        // The dialogs the menus open, each checked while it is up, then cancelled.
        for (String menuItem : List.of("menu.file.connection", "menu.file.settings")) {
            openDialog(menuItem);
            check("dialog " + menuItem, english, found);
            cancelDialog(menuItem);
        }

        // The lot editor, refusing an assay that is not one, then cancelled.
        clickOn("#nav-LOTS");
        settle();
        clickOn("#lotsAdd");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#lotEditor").query().isVisible());
        replace("#lotNumber", "L-0001");
        replace("#lotAssay", "Sc=beaucoup");
        clickOn("#lotSave");
        settle();
        check("lot editor with a bad assay", english, found);
        clickOn("#lotCancel");
        settle();

        clickOn("#nav-BATCH");
        replace("#header-FURNACE_CAPACITY_KG", "10");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#diagnosis").tryQuery().map(Node::isVisible).orElse(false));
        check("infeasible recipe", english, found);

        replace("#header-BATCH_MASS_KG", "-1000");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#inputErrors").query().isVisible());
        String inputError = texts(lookup("#inputErrors").query()).toString();
        assertTrue(inputError.contains("était -1"), "the refusal names the value: " + inputError);
        check("bad batch mass", english, found);

        assertEquals(Map.of(), found, "English on show in the French workbench (where: text ← English of the application)");
    }

    /**
     * Under the pseudo-language every bundle text is marked {@code [!! … !!]}: what is left of a text on show once
     * the marked parts and the data (names from files, numbers, units, symbols) are taken out must hold no word.
     */
    @Test
    void underThePseudoLanguageEveryWordOnShowComesFromTheBundles() throws Exception {
        dataNames = dataNames();
        workbench.start(this, "qps");
        Map<String, String> found = new TreeMap<>();
        unmarked("welcome", found);
        workbench.openExample(this);
        for (Screen s : Screen.values()) {
            clickOn("#nav-" + s.name());
            settle();
            unmarked(s.name(), found);
        }
        Files.writeString(Path.of("target/pseudo-walk.txt"), String.join("\n", found.entrySet().stream()
                .map(e -> e.getValue() + "  <=  " + e.getKey().replace("\n", " / ")).toList()));
        assertEquals(Map.of(), found, "words on show that no bundle gave (where: text ← the word)");
    }

    private static final Pattern MARKED = Pattern.compile("\\[!! (?:(?!\\[!! |!!\\]).)*? !!\\]", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\d_])\\p{L}{3,}(?![\\p{L}\\d_])");
    private static final Pattern CUT_MARKED = Pattern.compile("\\[!! .*(?:\\.\\.\\.|…)$", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("(?<![\\p{L}\\d])[A-Z0-9]+(?:[-_][A-Z0-9]+)+(?![\\p{L}\\d])"
            + "|[\\w-]+\\.(?:json|j\\.\\.\\.)");
    /** Units, names and the data files' own codes ("bal" for the balance, "src"/"est" for where a value comes from). */
    private static final Set<String> NOT_WORDS = Set.of("Scalloy", "MPa", "IACS", "ppm", "CAD", "json", "CALPHAD", "Scheil", "bal",
            "src", "est");

    private void unmarked(String where, Map<String, String> found) {
        List<String> shown = new ArrayList<>();
        interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    shown.addAll(texts(w.getScene().getRoot()));
                }
            }
        });
        for (String text : shown) {
            String rest = text;
            for (String before = ""; !before.equals(rest); ) {
                before = rest;
                rest = MARKED.matcher(rest).replaceAll("·");
            }
            // a marked text cut short by a narrow cell or header; ids like FLUX-CRYO or AL-P1020-GLOBAL
            rest = CUT_MARKED.matcher(rest).replaceAll("·");
            rest = withoutData(ID.matcher(rest).replaceAll("·"));
            Matcher w = WORD.matcher(rest);
            while (w.find()) {
                if (!NOT_WORDS.contains(w.group())) {
                    found.putIfAbsent(where + ": " + text, w.group());
                    break;
                }
            }
        }
    }

    /** Fires the menu item {@code id} (its dialog waits for the user, so not from inside an FX call) and waits for the dialog. */
    private void openDialog(String id) throws TimeoutException {
        MenuItem item = menuItem(lookup(".menu-bar").queryAs(MenuBar.class).getMenus(), id);
        assertTrue(item != null, "no menu item " + id);
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> openDialogPane() != null);
        settle();
    }

    /** Presses the open dialog's cancel button and waits for it to close. */
    private void cancelDialog(String id) throws TimeoutException {
        DialogPane pane = openDialogPane();
        ButtonType cancel = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst()
                .orElseThrow(() -> new AssertionError(id + ": the dialog has no cancel button"));
        Platform.runLater(() -> ((Button) pane.lookupButton(cancel)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> openDialogPane() == null);
    }

    private DialogPane openDialogPane() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                    .map(w -> w.getScene() == null ? null : w.getScene().getRoot()).filter(r -> r instanceof DialogPane)
                    .map(r -> (DialogPane) r).findFirst().orElse(null)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot look at the windows", e);
        }
    }

    private static MenuItem menuItem(List<? extends MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu m) {
                MenuItem inside = menuItem(m.getItems(), id);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private void settle() throws TimeoutException {
        // Screens fill from the database off the FX thread and post back: several rounds of FX events let them land.
        WaitForAsyncUtils.waitForFxEvents(10);
    }

    private void replace(String field, String text) throws TimeoutException {
        TextInputControl input = lookup(field).queryAs(TextInputControl.class);
        interact(() -> input.setText(text));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text.equals(input.getText()));
        settle();
    }

    private void check(String where, List<Pattern> english, Map<String, String> found) {
        List<String> shown = new ArrayList<>();
        interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    if (w instanceof Stage s && s.getTitle() != null) {
                        shown.add(s.getTitle());
                    }
                    shown.addAll(texts(w.getScene().getRoot()));
                }
            }
        });
        assertFalse(shown.isEmpty(), where + ": nothing on show");
        for (String text : shown) {
            String words = withoutData(text);
            for (Pattern e : english) {
                Matcher m = e.matcher(words);
                if (m.find()) {
                    found.putIfAbsent(where + ": " + text, m.group());
                }
            }
        }
    }

    /** {@code text} without the names that come from files (recipes, materials, specifications), which are data. */
    private String withoutData(String text) {
        // A cell too narrow for its name shows the start of it and an ellipsis.
        String cut = text.endsWith("...") ? text.substring(0, text.length() - 3) : text.endsWith("…") ? text.substring(0, text.length() - 1) : null;
        if (cut != null && !cut.isEmpty() && dataNames.stream().anyMatch(n -> n.startsWith(cut))) {
            return "·";
        }
        String out = text;
        for (String name : dataNames) {
            out = out.replace(name, "·");
        }
        return out;
    }

    /** The names in the example recipes and the seeded library: data, in whatever language they were written. */
    private static List<String> dataNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Pattern name = Pattern.compile("\"(?:name|grade|title|sector|confidence|revision|source)\"\\s*:\\s*\"([^\"]+)\"");
        List<Path> files = new ArrayList<>(List.of(Path.of("src/main/resources/ca/scalloy/store/seed/materials.json"),
                Path.of("src/main/resources/ca/scalloy/store/seed/specifications.json")));
        try (Stream<Path> recipes = Files.list(Path.of("recipes"))) {
            recipes.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        }
        for (Path f : files) {
            Matcher m = name.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        // longest first, so that a name inside another is not cut out of it first
        return names.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    /** Every text a user can see in {@code root}: what typed fields hold is the user's data, their prompts are not. */
    static Set<String> texts(Node root) {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        out.removeIf(t -> t == null || t.isBlank());
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            out.add(l.getText());
        }
        if (n instanceof Text t) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getPromptText());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (n instanceof MenuBar bar) {
            bar.getMenus().forEach(menu -> menu(menu, out));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static void menu(MenuItem item, Set<String> out) {
        out.add(item.getText());
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> menu(i, out));
        }
    }

    /**
     * The English of the application: each text of the English bundle that French words otherwise, cut at its
     * arguments, in pieces long enough to be words (a piece French writes too is not English); and the English
     * sentences of the engine's messages (the literal after each {@code Message.of} or {@code MessageException} code).
     */
    public static List<Pattern> englishOfTheApplication() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        Set<String> pieces = new LinkedHashSet<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String f = fr.getProperty(key, "");
            if (e.equals(f)) {
                continue;
            }
            for (String piece : e.replace("_", "").split("\\{[^}]*}|\\n")) {
                String p = piece.strip().replaceAll("^[\\p{Punct}“”‘’…–—›\\s]+|[\\p{Punct}“”‘’…–—›\\s]+$", "");
                if (isWords(p) && !f.contains(p) && !SAME_IN_BOTH.contains(p)) {
                    pieces.add(p);
                }
            }
        }
        Pattern engineCall = Pattern.compile("(?:Message\\.of|MessageException)\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/ca/scalloy"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = engineCall.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String p = m.group(1).strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                    if (p.length() >= 12) {
                        pieces.add(p);
                    }
                }
            }
        }
        pieces.add("Exception");
        pieces.add("null");
        List<Pattern> out = new ArrayList<>();
        for (String p : pieces) {
            out.add(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(p) + "(?![\\p{L}\\d])"));
        }
        return out;
    }

    /** Two words or more, or one word of five letters or more: not a symbol, a unit or an abbreviation. */
    private static boolean isWords(String p) {
        String[] words = p.split("\\s+");
        long letterWords = Stream.of(words).filter(w -> w.chars().filter(Character::isLetter).count() >= 2).count();
        return letterWords >= 2 || (words.length == 1 && p.chars().allMatch(Character::isLetter) && p.length() >= 5);
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FrenchWalkTest.class.getResourceAsStream("/ca/scalloy/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
