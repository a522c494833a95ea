package ca.scalloy.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.Message;

/**
 * A database to connect to by JDBC URL, with the user and password for it: an H2 URL (the embedded
 * default, normally given as a path instead) or a PostgreSQL server ({@code jdbc:postgresql://host:port/db}).
 * The password is kept only here: {@link #toString()}, {@link #describe()} and {@link #safeUrl()} never
 * show it, whether it was given apart or inside the URL.
 *
 * @param url      the JDBC URL
 * @param user     the database user ("sa" for H2 when none is given)
 * @param password the password, empty for none
 */
public record DatabaseLogin(String url, String user, String password) {

    /** The environment variable with the JDBC URL of a database server. */
    public static final String URL_VARIABLE = "SCALLOY_DB_URL";
    /** The environment variable with the database user. */
    public static final String USER_VARIABLE = "SCALLOY_DB_USER";
    /** The environment variable with the database password. */
    public static final String PASSWORD_VARIABLE = "SCALLOY_DB_PASSWORD";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://([^/?]*)/?([^?]*)");

    public DatabaseLogin {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new StoreException(Message.of("store.url.wrongKind", "the database URL must start with jdbc:postgresql:// (a PostgreSQL"
                    + " server) or jdbc:h2: (an embedded database), was " + redact(url), redact(url)));
        }
        user = user == null || user.isBlank() ? (url.startsWith("jdbc:h2:") ? "sa" : System.getProperty("user.name", "")) : user.strip();
        password = password == null ? "" : password;
    }

    /** A login with no password (H2, or a server that trusts the machine). */
    public static DatabaseLogin of(String url, String user) {
        return new DatabaseLogin(url, user, "");
    }

    /**
     * The server login to use, if any: the {@code --db-url} option, else {@code SCALLOY_DB_URL}, else the
     * URL saved in the settings; the user and password from the same place's companions
     * ({@code SCALLOY_DB_USER}, {@code SCALLOY_DB_PASSWORD}, or the settings'). Empty means the embedded
     * database at its path.
     */
    public static Optional<DatabaseLogin> resolve(String optionUrl, String optionUser, Map<String, String> environment,
                                                  String settingsUrl, String settingsUser, String settingsPassword) {
        String envUser = environment.get(USER_VARIABLE);
        String envPassword = environment.get(PASSWORD_VARIABLE);
        if (present(optionUrl)) {
            DatabaseLogin login = new DatabaseLogin(optionUrl, firstPresent(optionUser, envUser, settingsUser),
                    firstPresent(envPassword, settingsPassword));
            refusePasswordIn(optionUrl, "--db-url", PASSWORD_VARIABLE);
            return Optional.of(login);
        }
        String envUrl = environment.get(URL_VARIABLE);
        if (present(envUrl)) {
            return Optional.of(new DatabaseLogin(envUrl, firstPresent(optionUser, envUser), firstPresent(envPassword)));
        }
        if (present(settingsUrl)) {
            return Optional.of(new DatabaseLogin(settingsUrl, firstPresent(optionUser, settingsUser, envUser),
                    firstPresent(settingsPassword, envPassword)));
        }
        return Optional.empty();
    }

    /**
     * Refuses a URL typed on the command line that carries a password ({@code password=…}, or
     * {@code user:secret@host}): it would stay in the shell's history and the process list.
     *
     * @param option   the option that gave it ("--db-url")
     * @param variable the environment variable the password belongs in
     * @throws StoreException naming the option (the URL shown with the password as ***) and the variable
     */
    public static void refusePasswordIn(String url, String option, String variable) {
        if (url == null) {
            return;
        }
        boolean userInfo = url.matches("(?i)jdbc:postgresql://[^/?@]*:[^/?@]*@.*");
        if (PASSWORD_IN_URL.matcher(url).find() || userInfo) {
            String shown = userInfo ? url.replaceFirst("(?i)(jdbc:postgresql://[^/?@:]*:)[^/?@]*@", "$1***@") : redact(url);
            throw new StoreException(Message.of("store.url.password", option + " " + redact(shown) + " carries a password; a password is never"
                    + " given on the command line: set " + variable + " instead", option, redact(shown), variable));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstPresent(String... candidates) {
        for (String c : candidates) {
            if (present(c)) {
                return c;
            }
        }
        return null;
    }

    /** Whether this is a PostgreSQL server. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password in it replaced by ***. */
    public String safeUrl() {
        return redact(url);
    }

    static String redact(String url) {
        Matcher m = PASSWORD_IN_URL.matcher(url);
        return m.replaceAll("$1***");
    }

    /** The server's host and port as the URL gives them ("plant-db:5432"; "localhost" when left out), if it is a PostgreSQL URL of the usual form. */
    public Optional<String> host() {
        Matcher m = POSTGRES.matcher(url);
        return isPostgres() && m.lookingAt() ? Optional.of(m.group(1).isEmpty() ? "localhost" : m.group(1)) : Optional.empty();
    }

    /** The database on the server (PostgreSQL's default: the user's name), if it is a PostgreSQL URL of the usual form. */
    public Optional<String> databaseName() {
        Matcher m = POSTGRES.matcher(url);
        return isPostgres() && m.lookingAt() ? Optional.of(m.group(2).isEmpty() ? user : m.group(2)) : Optional.empty();
    }

    /** What a person reads about the connection: "PostgreSQL scalloy on plant-db:5432 as jdoe". */
    public String describe() {
        if (isPostgres()) {
            return host().isPresent() ? "PostgreSQL " + databaseName().orElseThrow() + " on " + host().get() + " as " + user
                    : "PostgreSQL " + safeUrl() + " as " + user;
        }
        return "H2 " + safeUrl();
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + safeUrl() + " as " + user + (password.isEmpty() ? "" : ", password ***") + "]";
    }
}
