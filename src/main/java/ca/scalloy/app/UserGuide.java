package ca.scalloy.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.ui.help.Markdown;

/**
 * The user guide in the workbench's language and the screenshots it shows, shipped in the jar (the build copies
 * them to {@link #FOLDER}): Help › User guide works in the installed workbench, without a browser or network. In
 * French it is {@code docs/guide-utilisateur.md} with its pictures in {@code screenshots/fr/}, otherwise
 * {@code docs/user-guide.md}; both sit in the same folder, so a picture's path resolves the same way for either.
 */
final class UserGuide {

    private static final Logger LOG = LoggerFactory.getLogger(UserGuide.class);

    /** Where the build puts the guides and their screenshots on the class path. */
    static final String FOLDER = "/ca/scalloy/app/guide/";
    /** The English guide, shown in every language that has no guide of its own. */
    static final String FILE = "user-guide.md";
    /** The French guide. */
    static final String FRENCH_FILE = "guide-utilisateur.md";

    private UserGuide() {
    }

    /** The guide's file name for {@code locale}: the French guide for French, the English one otherwise. */
    static String fileFor(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? FRENCH_FILE : FILE;
    }

    /**
     * The guide's blocks in the language of {@code locale}; the English guide, with a warning in the log, when the
     * jar lacks that language's guide. @throws IOException when the jar does not hold the English guide either
     */
    static List<Markdown.Block> read(Locale locale) throws IOException {
        return read(locale, name -> UserGuide.class.getResourceAsStream(FOLDER + name));
    }

    /** {@link #read(Locale)} over {@code open}, which gives a guide file's bytes by name, or null when there is none. */
    static List<Markdown.Block> read(Locale locale, Function<String, InputStream> open) throws IOException {
        String file = fileFor(locale);
        try (InputStream in = open.apply(file)) {
            if (in != null) {
                return Markdown.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (file.equals(FILE)) {
            throw new IOException("no " + FOLDER + FILE + " in the application");
        }
        LOG.warn("no {}{} in the application: the user guide is shown in English ({}) for {}", FOLDER, file, FILE, locale);
        return read(Locale.ENGLISH, open);
    }

    /**
     * The image {@code path} as a guide writes it (relative to the guides' folder), or null when the jar does not
     * hold it.
     */
    static URL image(String path) {
        URL guide = UserGuide.class.getResource(FOLDER + FILE);
        if (guide == null) {
            guide = UserGuide.class.getResource(FOLDER + FRENCH_FILE);
        }
        if (guide == null || path.contains("://") || path.startsWith("/")) {
            return null;
        }
        try {
            URL image = new URL(guide, path);
            // a relative URL always resolves; whether it names something is known only by opening it
            try (InputStream in = image.openStream()) {
                return in.read() < 0 ? null : image;
            }
        } catch (IOException e) {
            // a malformed path or one the jar does not hold: the guide shows the path instead
            return null;
        }
    }
}
