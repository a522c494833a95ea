package ca.scalloy.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import ca.scalloy.engine.Quantities;

/**
 * The user-facing strings of one language, from {@code ca/scalloy/ui/messages*.properties}.
 *
 * <p>Strings with arguments go through {@link MessageFormat}; the French bundle writes its
 * apostrophes as ’ so that MessageFormat's quoting never eats them.
 */
public final class Messages {

    private static final String BUNDLE = "ca.scalloy.ui.messages";

    /** The language tag of the pseudo-language: the English texts, each marked {@code [!! … !!]}. */
    public static final String PSEUDO_LANGUAGE = "qps";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final boolean pseudo;

    private Messages(Locale locale, ResourceBundle bundle, boolean pseudo) {
        this.locale = locale;
        this.bundle = bundle;
        this.pseudo = pseudo;
    }

    /**
     * The strings for {@code locale}: French when its language is "fr", else English; for the pseudo-language
     * ({@value #PSEUDO_LANGUAGE}, used to find text that does not come from the bundles) English marked {@code [!! … !!]}.
     */
    public static Messages forLocale(Locale locale) {
        Locale chosen = "fr".equals(locale.getLanguage()) ? Locale.CANADA_FRENCH : Locale.CANADA;
        // No fallback to the JVM's default locale: asking for English on a French system must give English.
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return new Messages(chosen, ResourceBundle.getBundle(BUNDLE, chosen, control), PSEUDO_LANGUAGE.equals(locale.getLanguage()));
    }

    /** The strings for the system's locale. */
    public static Messages forSystemLocale() {
        return forLocale(Locale.getDefault());
    }

    public Locale locale() {
        return locale;
    }

    /** Whether these are the French strings. */
    /** The formatting policy for this language with the plant's currency and ppm list. */
    public Quantities quantities() {
        return PlantUnits.in(locale);
    }

    public boolean isFrench() {
        return "fr".equals(locale.getLanguage());
    }

    /** The string for {@code key}, with {@code args} formatted in when given. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        return pseudo ? "[!! " + text + " !!]" : text;
    }

    /**
     * The string for {@code key} without its mnemonic mark ("_Save as new version" → "Save as new version"), for a
     * button's words said again in a title or a sentence.
     */
    public String withoutMnemonic(String key) {
        String text = get(key);
        StringBuilder plain = new StringBuilder(text.length());
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length() && (text.charAt(i + 1) == '_' || !marked)) {
                // "__" is a written underscore; the first other "_" marks the mnemonic
                marked |= text.charAt(i + 1) != '_';
                c = text.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** Whether there is a string for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * A specification's sector in words ({@code sector.<code>}) for the codes the plant ships with
     * ({@code Specification.KNOWN_SECTORS}); a sector a user typed is shown as typed.
     */
    public String sector(String code) {
        return code != null && has("sector." + code) ? get("sector." + code) : code;
    }

    /** The label of an enum constant: key {@code prefix + "." + constant name}. */
    public String label(String prefix, Enum<?> constant) {
        return get(prefix + "." + constant.name());
    }
}
