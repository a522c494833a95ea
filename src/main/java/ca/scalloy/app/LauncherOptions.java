package ca.scalloy.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code JDK_JAVA_OPTIONS} for the installed launcher. The {@code java} command reads that variable, but the
 * native launcher jpackage makes (JDK 17) does not; so that {@code JDK_JAVA_OPTIONS="-Dprism.order=sw
 * -Dscalloy.exitAfterShownMs=100" scalloy} works the same as with {@code java -jar}, its {@code -Dname=value}
 * options are set here as system properties, before anything reads them. Other options (-X, -XX) cannot
 * be applied to a JVM already running and are left to the {@code java} command.
 */
final class LauncherOptions {

    /** The variable the {@code java} launcher reads. */
    static final String VARIABLE = "JDK_JAVA_OPTIONS";
    /** Set by jpackage's launcher (the path of the native launcher): the sign that no {@code java} command read the variable. */
    static final String JPACKAGE_APP_PATH = "jpackage.app-path";

    private LauncherOptions() {
    }

    /** Sets the variable's {@code -D} options as system properties when the installed launcher started this JVM. */
    static void applyWhenInstalled(Map<String, String> environment, Properties system) {
        String options = environment.get(VARIABLE);
        if (system.getProperty(JPACKAGE_APP_PATH) == null || options == null) {
            return;
        }
        for (String option : split(options)) {
            if (option.startsWith("-D") && option.length() > 2) {
                int eq = option.indexOf('=');
                String name = eq < 0 ? option.substring(2) : option.substring(2, eq);
                if (!name.isEmpty()) {
                    system.setProperty(name, eq < 0 ? "" : option.substring(eq + 1));
                }
            }
        }
    }

    /** The options as the java launcher splits them: on white space, except inside single or double quotes. */
    static List<String> split(String options) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inOption = false;
        for (char c : options.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inOption = true;
            } else if (Character.isWhitespace(c)) {
                if (inOption) {
                    out.add(current.toString());
                    current.setLength(0);
                    inOption = false;
                }
            } else {
                current.append(c);
                inOption = true;
            }
        }
        if (inOption) {
            out.add(current.toString());
        }
        return out;
    }
}
