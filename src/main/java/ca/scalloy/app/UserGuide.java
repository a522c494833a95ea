package ca.scalloy.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.scalloy.ui.help.Markdown;

/**
 * {@code docs/user-guide.md} and the screenshots it shows, shipped in the jar (the build copies them to
 * {@link #FOLDER}): Help › User guide works in the installed workbench, without a browser or network.
 */
final class UserGuide {

    /** Where the build puts the guide and its screenshots on the class path. */
    static final String FOLDER = "/ca/scalloy/app/guide/";
    static final String FILE = "user-guide.md";

    private UserGuide() {
    }

    /** The guide's blocks. @throws IOException when the jar does not hold it */
    static List<Markdown.Block> read() throws IOException {
        try (InputStream in = UserGuide.class.getResourceAsStream(FOLDER + FILE)) {
            if (in == null) {
                throw new IOException("no " + FOLDER + FILE + " in the application");
            }
            return Markdown.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The image {@code path} as the guide writes it (relative to the guide), or null when the jar does not hold it. */
    static URL image(String path) {
        URL guide = UserGuide.class.getResource(FOLDER + FILE);
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
