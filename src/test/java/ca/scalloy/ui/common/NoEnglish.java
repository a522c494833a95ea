package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.app.FrenchWalkTest;

/** The French walk's list of the application's own English, asked of one text a view model shows. */
public final class NoEnglish {

    private static List<Pattern> english;

    private NoEnglish() {
    }

    /** Fails when {@code shown} is blank or holds any of the application's English (or "null", "Exception"). */
    public static void assertNoEnglish(String shown) {
        assertFalse(shown == null || shown.isBlank(), "nothing shown");
        for (Pattern p : english()) {
            Matcher m = p.matcher(shown);
            if (m.find()) {
                fail("English \"" + m.group() + "\" in: " + shown);
            }
        }
    }

    private static synchronized List<Pattern> english() {
        if (english == null) {
            try {
                english = FrenchWalkTest.englishOfTheApplication();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return english;
    }
}
