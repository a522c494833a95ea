package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.heat.HeatTolerances;
import ca.scalloy.engine.library.PriceFreshness;

/**
 * Plant settings kept in the database (company name and address for documents, document language,
 * superheat …), each change audited with its old and new value.
 */
public final class SettingsRepository {

    /** Company name printed on documents. */
    public static final String COMPANY_NAME = "company.name";
    /** Company address (one line) printed on documents. */
    public static final String COMPANY_ADDRESS = "company.address";
    /** Path of the company's logo (PNG or JPEG) printed on documents. */
    public static final String COMPANY_LOGO = "company.logo";
    /** Language of documents, {@code en} or {@code fr}. */
    public static final String DOCUMENT_LANGUAGE = "documents.language";
    /** The plant's currency for prices and costs, an ISO 4217 code; CAD when unset. */
    public static final String PLANT_CURRENCY = "plant.currency";
    /** The elements the plant reads in ppm, e.g. "Na, Ca, Be" (the default when unset). */
    public static final String PLANT_PPM_ELEMENTS = "plant.ppmElements";
    /** The age in days past which a library price is flagged as old; {@link PriceFreshness#DEFAULT_MAX_AGE_DAYS} when unset. */
    public static final String PRICE_MAX_AGE_DAYS = "prices.maxAgeDays";

    private final Database db;

    SettingsRepository(Database db) {
        this.db = db;
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return db.inTransaction(c -> get(c, key));
    }

    /** The value of {@code key}, or {@code fallback}. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Every setting, by key. */
    public Map<String, String> all() {
        return db.inTransaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_key, setting_value FROM settings ORDER BY setting_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /**
     * The plant's formatting settings (currency, ppm elements) applied to {@code policy}; a setting
     * that is unset keeps the policy's default.
     */
    public Quantities plantUnits(Quantities policy) {
        Map<String, String> all = all();
        Quantities q = policy;
        String currency = all.get(PLANT_CURRENCY);
        if (currency != null && Quantities.isCurrencyCode(currency)) {
            q = q.withCurrency(currency.strip());
        }
        String ppm = all.get(PLANT_PPM_ELEMENTS);
        if (ppm != null) {
            try {
                q = q.withPpmElements(Quantities.parsePpmElements(ppm));
            } catch (IllegalArgumentException keptBeforeAnElementWasDropped) {
                // set() refuses such a value; one kept earlier leaves the default rather than no screen
            }
        }
        return q;
    }

    /** The plant's maximum price age in days; the default when unset (or kept before it was checked). */
    public int priceMaxAgeDays() {
        try {
            return get(PRICE_MAX_AGE_DAYS).map(PriceFreshness::parseMaxAgeDays).orElse(PriceFreshness.DEFAULT_MAX_AGE_DAYS);
        } catch (IllegalArgumentException keptBeforeItWasChecked) {
            return PriceFreshness.DEFAULT_MAX_AGE_DAYS;
        }
    }

    /**
     * Sets {@code key} to {@code value}, audited.
     *
     * @throws StoreException for a blank key or a value longer than 1000 characters
     */
    public void set(String key, String value, String reason) {
        db.require("change settings", Role.ADMIN);
        if (key == null || !key.matches("[a-z][A-Za-z0-9.]{0,99}")) {
            throw new StoreException(Message.of("store.setting.badKey", "setting key must be a dotted lower-case name such as company.name, was '"
                    + key + "'", String.valueOf(key)));
        }
        if (value == null) {
            throw new StoreException(Message.of("store.setting.valueRequired", "setting " + key + ": a value is needed", key));
        }
        ColumnLimits.check("setting " + key, value, ColumnLimits.SETTING_VALUE);
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        if (key.equals(PLANT_CURRENCY) && !Quantities.isCurrencyCode(value)) {
            throw new StoreException(Message.of("store.setting.notCurrency", "setting " + key + ": \"" + value
                    + "\" is not an ISO 4217 currency code such as CAD", key, value));
        }
        if (key.equals(PLANT_PPM_ELEMENTS)) {
            try {
                Quantities.parsePpmElements(value);
            } catch (IllegalArgumentException e) {
                throw new StoreException(e);
            }
        }
        if (key.equals(PRICE_MAX_AGE_DAYS)) {
            try {
                PriceFreshness.parseMaxAgeDays(value);
            } catch (IllegalArgumentException e) {
                throw new StoreException(e);
            }
        }
        if (key.startsWith(HeatTolerances.SETTING_PREFIX)) {
            try {
                HeatTolerances.standard().with(Map.of(key, value));
            } catch (IllegalArgumentException e) {
                throw new StoreException(e);
            }
        }
        db.inTransaction(c -> {
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE setting_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
