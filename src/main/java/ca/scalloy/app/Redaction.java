package ca.scalloy.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes passwords out of text bound for the log file or a crash report: a password written as
 * {@code password=…} (a JDBC URL, the settings file), {@code "password": "…"} (JSON) or
 * {@code PASSWORD '…'} (SQL), and every password this process has been given (the environment's
 * {@code SCALLOY_*PASSWORD} variables, the settings file's {@code db.password}, one saved in the connection
 * dialog) wherever it appears, each replaced by {@code ***}.
 *
 * <p>The passwords met so far are process-wide state on purpose: the log layout that calls {@link #redact}
 * is made by Logback, not by us, and must see a password whichever screen or command read it.
 */
public final class Redaction {

    /** A password shorter than this is not searched for as a bare word: "a" would blank every "a" in the log. */
    private static final int SHORTEST_SECRET = 4;
    private static final String MASK = "***";
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(passw(?:or)?d|pwd)(\"?\\s*[=:]\\s*\"?)[^&;\\s\",}]*");
    private static final Pattern SQL_LITERAL = Pattern.compile("(?i)(password\\s+')(?:[^']|'')*'");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Remembers a password so that it never reaches the log, whatever surrounds it; null or blank is ignored. */
    public static void remember(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** The text with every password in it replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = KEY_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = SQL_LITERAL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "'"));
        for (String secret : SECRETS) {
            if (secret.length() >= SHORTEST_SECRET) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
