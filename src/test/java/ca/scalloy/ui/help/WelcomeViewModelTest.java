package ca.scalloy.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.ScriptedDialogs;

/** The welcome's rules, without a stage: first start only, "Show at start", the examples. */
class WelcomeViewModelTest {

    /** Settings in memory; {@code failing} makes every write fail as a read-only home would. */
    private static final class MemorySettings implements WelcomeViewModel.StartSettings {
        Optional<Boolean> stored = Optional.empty();
        int writes;
        boolean failing;

        @Override
        public Optional<Boolean> showAtStart() {
            return stored;
        }

        @Override
        public void setShowAtStart(boolean show) throws IOException {
            if (failing) {
                throw new IOException("read-only");
            }
            writes++;
            stored = Optional.of(show);
        }

        @Override
        public String where() {
            return "/home/jdoe/.scalloy/settings.properties";
        }
    }

    private final MemorySettings settings = new MemorySettings();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> opened = new ArrayList<>();
    private boolean openSucceeds = true;
    private int guides;

    private WelcomeViewModel welcome(Locale locale) {
        return new WelcomeViewModel(Messages.forLocale(locale), settings, new WelcomeViewModel.Actions() {
            @Override
            public boolean openExample(String name) {
                opened.add(name);
                return openSucceeds;
            }

            @Override
            public void openUserGuide() {
                guides++;
            }
        }, dialogs, List.of("alsc2-oxide-route", "scalmalloy-type"));
    }

    @Test
    void theFirstStartShowsItAndRemembersNotToShowItAgain() {
        WelcomeViewModel first = welcome(Locale.CANADA);
        assertTrue(first.showNowAtStart());
        assertEquals(Optional.of(false), settings.stored);
        assertFalse(first.showAtStartProperty().get(), "the box shows what the next start will do");

        assertFalse(welcome(Locale.CANADA).showNowAtStart(), "the second start goes straight to work");
        assertEquals(1, settings.writes, "reading the choice writes nothing");
    }

    @Test
    void tickingShowAtStartKeepsItAtEveryStartAndUntickingStopsIt() {
        WelcomeViewModel first = welcome(Locale.CANADA);
        first.showNowAtStart();
        first.showAtStartProperty().set(true);
        assertEquals(Optional.of(true), settings.stored);
        WelcomeViewModel second = welcome(Locale.CANADA);
        assertTrue(second.showNowAtStart());
        assertTrue(second.showAtStartProperty().get());

        second.showAtStartProperty().set(false);
        assertFalse(welcome(Locale.CANADA).showNowAtStart());
    }

    @Test
    void settingsThatCannotBeWrittenAreSaidOnceNamingTheFileAndTheWelcomeStillShows() {
        settings.failing = true;
        assertTrue(welcome(Locale.CANADA).showNowAtStart());
        assertEquals(List.of("The settings file /home/jdoe/.scalloy/settings.properties cannot be written,"
                + " so whether the welcome shows at start is not remembered. Check that the folder exists and that you may write to it."),
                dialogs.errors);
    }

    @Test
    void examplesAreDescribedInTheUsersLanguage() {
        assertEquals(new WelcomeViewModel.Example("alsc2-oxide-route", "AlSc2 from Sc\u2082O\u2083 under a cryolite flux"),
                welcome(Locale.CANADA).examples().get(0));
        assertEquals("Un bain Al-Mg-Sc-Zr de type Scalmalloy sur la visée", welcome(Locale.CANADA_FRENCH).examples().get(1).description());
    }

    @Test
    void openingAnExampleClosesTheWelcomeUnlessTheUserCancelled() {
        WelcomeViewModel welcome = welcome(Locale.CANADA);
        openSucceeds = false;
        welcome.open(welcome.examples().get(1));
        assertEquals(List.of("scalmalloy-type"), opened);
        assertFalse(welcome.closeRequestedProperty().get(), "unsaved changes kept: the welcome stays for another choice");

        openSucceeds = true;
        welcome.open(welcome.examples().get(0));
        assertTrue(welcome.closeRequestedProperty().get());
    }

    @Test
    void theGuideLinkOpensTheGuideAndLeavesTheWelcomeOpen() {
        WelcomeViewModel welcome = welcome(Locale.CANADA);
        welcome.openUserGuide();
        assertEquals(1, guides);
        assertFalse(welcome.closeRequestedProperty().get());
    }
}
