package ca.scalloy.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.DefaultSpreads;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.RecoverySpread;
import ca.scalloy.engine.heat.RecoveryPoint;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.thermo.PhaseDiagrams;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.io.SettingsFile;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLocation;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.StoreException;
import ca.scalloy.ui.batch.BatchLibrary;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.DividerMemory;
import ca.scalloy.ui.common.ErrorReportDialog;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.FxDialogService;
import ca.scalloy.ui.common.FxTypingPause;
import ca.scalloy.ui.common.MainShell;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.library.LibraryView;
import ca.scalloy.ui.library.LibraryViewModel;
import ca.scalloy.ui.lots.LotsView;
import ca.scalloy.ui.lots.LotsViewModel;
import ca.scalloy.ui.heats.HeatsView;
import ca.scalloy.ui.help.GuideView;
import ca.scalloy.ui.help.Markdown;
import ca.scalloy.ui.help.WelcomeView;
import ca.scalloy.ui.help.WelcomeViewModel;
import ca.scalloy.ui.heats.HeatsViewModel;
import ca.scalloy.ui.recipes.RecipesView;
import ca.scalloy.ui.recipes.RecipesViewModel;
import ca.scalloy.ui.specs.SpecificationsView;
import ca.scalloy.ui.specs.SpecificationsViewModel;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.connection.ConnectionDialog;
import ca.scalloy.ui.connection.ConnectionViewModel;
import ca.scalloy.ui.documents.DocumentPreviewView;
import ca.scalloy.ui.documents.DocumentsViewModel;
import ca.scalloy.ui.documents.FxPrinting;
import ca.scalloy.ui.documents.SettingsDialog;
import ca.scalloy.ui.documents.SettingsViewModel;
import ca.scalloy.ui.properties.AgeingViewModel;
import ca.scalloy.ui.properties.PhaseDiagramViewModel;
import ca.scalloy.ui.properties.PropertiesView;
import ca.scalloy.ui.properties.PropertiesViewModel;
import ca.scalloy.ui.properties.SolidificationViewModel;

/**
 * The workbench: wires the screens to the engine, the solver and the recipe files, and shows the
 * main window.
 *
 * <p>System properties for scripted runs: {@code scalloy.open=FILE} opens a recipe in the Batch
 * screen; {@code scalloy.exitAfterShownMs=N} reports on standard error how long after JVM start the
 * window was shown and exits N ms later, first writing the window to {@code scalloy.snapshot=FILE.png}
 * when that is set; {@code scalloy.language=fr|en} overrides the system language;
 * {@code scalloy.db=PATH} names the library database (as {@code --db PATH}); {@code scalloy.dbUrl=URL} and
 * {@code scalloy.dbUser=NAME} a database server (as {@code --db-url}, {@code --db-user}; the password only from
 * {@code SCALLOY_DB_PASSWORD} or the settings file);
 * {@code scalloy.screen=batch|properties|scheil|equilibrium|ageing|phase|phase-al-zr|phase-al-ti|library|specifications|recipes|heats}
 * opens that screen (scheil, equilibrium, ageing, phase…: that chart of the Properties screen) instead of Batch; {@code scalloy.preview=sheet} opens the batch sheet's preview at start (the
 * snapshot then shows the preview); {@code scalloy.dialog=connection} opens File › Database connection… at start,
 * {@code scalloy.dialog=welcome} the welcome (which otherwise shows at a plain first start only).
 */
public final class ScalloyApp extends Application {

    /** The system property naming a recipe file to open in the Batch screen at start ({@code scalloy FILE}). */
    public static final String OPEN_PROPERTY = "scalloy.open";
    /** The system property naming the database (set by {@code --db PATH}, or for scripted runs and tests). */
    public static final String DB_PROPERTY = "scalloy.db";
    /** The system property with a database server's JDBC URL (set by {@code --db-url URL}); comes before everything else. */
    public static final String DB_URL_PROPERTY = "scalloy.dbUrl";
    /** The system property with the database server's user (set by {@code --db-user NAME}). */
    public static final String DB_USER_PROPERTY = "scalloy.dbUser";
    /**
     * The app's settings file in the user's folder: {@code db.path} names the embedded database,
     * {@code db.url}, {@code db.user}, {@code db.password} a database server.
     */
    private static final String SETTINGS = ".scalloy/settings.properties";
    /** The settings key saying whether the welcome shows at start; absent until the first start has shown it. */
    static final String WELCOME_AT_START = "welcome.showAtStart";
    private static final String CSS = "/ca/scalloy/ui/scalloy.css";
    private static final int[] ICON_SIZES_PX = {16, 32, 64, 128, 256};
    /** The window's first size, when the screen is large enough. */
    private static final double WIDTH_PX = 1400;
    private static final double HEIGHT_PX = 900;

    private static final Logger LOG = LoggerFactory.getLogger(ScalloyApp.class);

    private Stage stage;
    private Messages messages;
    private FxBackgroundExecutor executor;
    /** Where the user left the screens' dividers, kept in the settings file; one for the session, across language switches. */
    private final DividerMemory dividers = new DividerMemory(new DividerMemory.Preferences() {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(readSettings().getProperty(key));
        }

        @Override
        public void put(String key, String text) throws IOException {
            SettingsFile.update(settingsFile(), Map.of(key, text));
        }
    });
    /** The thermodynamic, kinetic and property models, so that they never hold up a charge. */
    private FxBackgroundExecutor modelsExecutor;
    private FxDialogService dialogs;
    private BatchViewModel batch;
    private PropertiesViewModel properties;
    private PhaseDiagramViewModel phaseDiagram;
    private SolidificationViewModel solidification;
    private AgeingViewModel ageing;
    private MainShell shell;
    private FxBackgroundExecutor storeExecutor;
    private LibraryStore library;
    private LibraryViewModel libraryScreen;
    private LotsViewModel lotsScreen;
    private SpecificationsViewModel specsScreen;
    private RecipesViewModel recipesScreen;
    private BatchLibrary batchLibrary;
    private HeatsViewModel heatsScreen;
    private DocumentsViewModel documents;
    /** The handler of uncaught exceptions before this window's, put back when it closes. */
    private Thread.UncaughtExceptionHandler previousHandler;
    /** The last document preview opened, for scripted snapshots. */
    private Stage previewStage;
    private Dialog<ButtonType> welcomeDialog;
    private Stage guideStage;
    /** The language of the guide in {@link #guideStage}. */
    private Locale guideLocale;

    /**
     * The spreads a recipe stating none is judged with: the recovery spreads the plant's released heats give each
     * of its materials by this recipe (every furnace pooled: the Batch screen names none), over the reference data.
     * Runs on the Batch screen's workers; without a database, or when it cannot be read, the reference data alone.
     */
    private DefaultSpreads learnedSpreads(Recipe recipe) {
        DefaultSpreads reference = DefaultSpreads.reference();
        Database db = library == null ? null : library.database();
        if (db == null) {
            return reference;
        }
        try {
            Map<String, Map<String, RecoverySpread>> byMaterial = new LinkedHashMap<>();
            for (Material m : recipe.materials()) {
                Map<String, RecoverySpread> s = RecoveryPoint.spreads(db.heats().recoveryHistory(m.id()), recipe.name(), null);
                if (!s.isEmpty()) {
                    byMaterial.put(m.id(), s);
                }
            }
            return reference.withHistory(byMaterial);
        } catch (RuntimeException e) {
            LOG.warn("the plant's recovery history could not be read; the reference spreads are used", e);
            return reference;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        String language = System.getProperty("scalloy.language");
        messages = language == null ? Messages.forSystemLocale() : Messages.forLocale(Locale.forLanguageTag(language));
        CrashHandler crashes = new CrashHandler(stage, () -> messages, this::openLogFolder, Clock.systemUTC());
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(crashes);
        Thread.currentThread().setUncaughtExceptionHandler(crashes);
        LOG.info("Scalloy {} starting on Java {} ({} {})", CrashReport.version(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        executor = new FxBackgroundExecutor();
        modelsExecutor = new FxBackgroundExecutor("scalloy-models");
        dialogs = new FxDialogService(stage, messages);
        Path examples = Path.of("recipes");
        if (Files.isDirectory(examples)) {
            dialogs.setInitialFolder(examples.toAbsolutePath());
        }
        batch = new BatchViewModel(messages, new ChargeCalculator(new OjalgoSolver()), executor, modelsExecutor, dialogs,
                new RecipeFileDocuments());
        batch.setTypingPause(new FxTypingPause(FxTypingPause.DEFAULT_MS));
        properties = new PropertiesViewModel(messages, new PropertyCalculator(), modelsExecutor, batch);
        solidification = new SolidificationViewModel(messages, ThermoCalculator.alRichCorner(), modelsExecutor, dialogs,
                properties.alloyProperty());
        ageing = new AgeingViewModel(messages, new PrecipitationKinetics(), new StartingStates()::of, modelsExecutor, dialogs,
                properties.alloyProperty());
        phaseDiagram = new PhaseDiagramViewModel(messages, PhaseDiagrams.standard(), modelsExecutor, dialogs, properties.alloyProperty(),
                properties.estimateProperty());
        storeExecutor = new FxBackgroundExecutor();
        library = new LibraryStore(messages, storeExecutor, dialogs, Clock.systemDefaultZone());
        libraryScreen = new LibraryViewModel(messages, library, dialogs);
        lotsScreen = new LotsViewModel(messages, library);
        specsScreen = new SpecificationsViewModel(messages, library, dialogs);
        recipesScreen = new RecipesViewModel(messages, library, dialogs, (recipe, label, version) -> {
            if (batch.openFromLibrary(recipe, label, version)) {
                shell.selectedProperty().set(Screen.BATCH);
            }
        });
        batch.setSpreads(this::learnedSpreads);
        batchLibrary = new BatchLibrary(messages, library, batch, new ChargeCalculator(new OjalgoSolver()), executor, dialogs);
        FxPrinting printing = new FxPrinting(stage);
        DocumentsViewModel.PreviewWindows previews = preview -> previewStage = DocumentPreviewView.show(stage, preview);
        heatsScreen = new HeatsViewModel(messages, library, dialogs, new ChargeCalculator(new OjalgoSolver()), batch::currentRecipe,
                printing, previews);
        documents = new DocumentsViewModel(messages, batch::currentRecipe, new ChargeCalculator(new OjalgoSolver()), library,
                executor, dialogs, printing, previews,
                file -> {
                    if (batch.confirmDiscard() && batch.openFile(file)) {
                        shell.selectedProperty().set(Screen.BATCH);
                        return true;
                    }
                    return false;
                });
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(buildRoot(startScreen(), true), Math.min(WIDTH_PX, screen.getWidth()),
                Math.min(HEIGHT_PX, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(CSS), CSS).toExternalForm());
        stage.setScene(scene);
        bindTitle();
        // set, not added: a stage given to a second start (tests do) keeps one set of icons
        stage.getIcons().setAll(java.util.Arrays.stream(ICON_SIZES_PX).mapToObj(this::icon).toList());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (!batch.confirmDiscard()) {
                e.consume();
            }
        });
        stage.show();
        // A file to open comes after the window, so that a file that cannot be read is explained in a
        // dialog over the window rather than before there is one.
        String open = System.getProperty(OPEN_PROPERTY);
        if (open != null) {
            batch.openFile(Path.of(open));
        }
        // The window first, then the database, off the UI thread: the status bar says "Opening database…".
        openDatabase();
        if ("sheet".equals(System.getProperty("scalloy.preview"))) {
            documents.batchSheet();
        }
        if ("connection".equals(System.getProperty("scalloy.dialog"))) {
            // for scripted screenshots: the dialog without waiting for it
            ConnectionDialog.build(stage, connectionViewModel()).show();
        }
        if (welcomeAtStart()) {
            // after the window's first frame, over it
            Platform.runLater(this::showWelcome);
        }
        scriptedExit();
    }

    @Override
    public void stop() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        // stop() runs on the JavaFX thread, which outlives this window in tests
        Thread.currentThread().setUncaughtExceptionHandler(null);
        if (library != null) {
            library.close();
        }
        if (executor != null) {
            executor.shutdown();
        }
        if (modelsExecutor != null) {
            modelsExecutor.shutdown();
        }
        if (storeExecutor != null) {
            storeExecutor.shutdown();
        }
    }

    /** @param firstScreenLater the start: the window first, its screen a moment later ({@link MainShell#firstScreenAfterTheWindow}) */
    private Parent buildRoot(Screen selected, boolean firstScreenLater) {
        Messages m = messages;
        Map<Screen, Supplier<Node>> screens = Map.of(Screen.BATCH, () -> new BatchView(batch, m, batchLibrary).build(),
                Screen.PROPERTIES, () -> new PropertiesView(properties, solidification, ageing, phaseDiagram, m).build(),
                Screen.LIBRARY, () -> new LibraryView(libraryScreen, m).build(),
                Screen.LOTS, () -> new LotsView(lotsScreen, m).build(),
                Screen.SPECIFICATIONS, () -> new SpecificationsView(specsScreen, m).build(),
                Screen.RECIPES, () -> new RecipesView(recipesScreen, m).build(),
                Screen.HEATS, () -> new HeatsView(heatsScreen, m).build());
        shell = new MainShell(m, batch, new MainShell.Actions() {
            @Override
            public void quit() {
                if (batch.confirmDiscard()) {
                    Platform.exit();
                }
            }

            @Override
            public void switchLanguage(Locale locale) {
                ScalloyApp.this.switchLanguage(locale);
            }

            @Override
            public void welcome() {
                showWelcome();
            }

            @Override
            public void userGuide() {
                showUserGuide();
            }

            @Override
            public void showLogFolder() {
                ErrorReportDialog.showLogFolder(stage, messages, Logs.folder(), ScalloyApp.this::openLogFolder);
            }

            @Override
            public void about() {
                String version = Objects.requireNonNullElse(ScalloyApp.class.getPackage().getImplementationVersion(), "");
                dialogs.showInformation(messages.get("about.title"), messages.get("about.text", version) + "\n\n"
                        + library.messageProperty().get());
            }
        }, screens).withLibrary(new MainShell.LibraryActions() {
            @Override
            public void saveToLibrary() {
                batchLibrary.saveToLibrary();
            }

            @Override
            public void backupDatabase() {
                library.backup();
            }

            @Override
            public void restoreDatabase() {
                library.restore();
            }

            @Override
            public void exportAuditLog() {
                heatsScreen.exportAuditLog();
            }

            @Override
            public void databaseConnection() {
                ConnectionDialog.show(stage, connectionViewModel());
            }
        }, library.messageProperty(), library.connectionLostProperty())
                .withDocuments(new MainShell.DocumentActions() {
            @Override
            public void batchSheet() {
                documents.batchSheet();
            }

            @Override
            public void importRecipes() {
                documents.importRecipes();
            }

            @Override
            public void exportChargeCsv() {
                documents.exportChargeCsv();
            }

            @Override
            public void settings() {
                SettingsViewModel settings = new SettingsViewModel(messages, library, dialogs);
                settings.load(() -> SettingsDialog.show(stage, settings));
            }

            @Override
            public void filesDropped(List<Path> paths) {
                documents.dropped(paths);
            }
        }).withDividers(dividers);
        shell.selectedProperty().set(selected);
        if (firstScreenLater) {
            shell.firstScreenAfterTheWindow();
        }
        return shell.build();
    }

    /**
     * Whether the welcome shows at this start: at the first start and while the user keeps "Show at start"
     * ticked (the settings decide, {@link WelcomeViewModel#showNowAtStart}), but not over a recipe opened from
     * the command line or the desktop, nor in a scripted run (a start-up probe, a screenshot of something else).
     * {@code scalloy.dialog=welcome} shows it whatever the settings say, for screenshots, and stores nothing.
     */
    private boolean welcomeAtStart() {
        String dialog = System.getProperty("scalloy.dialog");
        if ("welcome".equals(dialog)) {
            return true;
        }
        if (System.getProperty(OPEN_PROPERTY) != null || System.getProperty("scalloy.exitAfterShownMs") != null || dialog != null
                || System.getProperty("scalloy.preview") != null) {
            return false;
        }
        return welcomeViewModel().showNowAtStart();
    }

    /** Help › Welcome, and the first start: the welcome dialog, in the language of the moment. */
    private void showWelcome() {
        if (welcomeDialog != null && welcomeDialog.isShowing()) {
            welcomeDialog.close();
        }
        welcomeDialog = WelcomeView.build(stage, welcomeViewModel());
        welcomeDialog.show();
    }

    private WelcomeViewModel welcomeViewModel() {
        WelcomeViewModel.StartSettings settings = new WelcomeViewModel.StartSettings() {
            @Override
            public Optional<Boolean> showAtStart() {
                String stored = readSettings().getProperty(WELCOME_AT_START);
                return stored == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(stored.strip()));
            }

            @Override
            public void setShowAtStart(boolean show) throws IOException {
                SettingsFile.update(settingsFile(), Map.of(WELCOME_AT_START, String.valueOf(show)));
            }

            @Override
            public String where() {
                return settingsFile().toString();
            }
        };
        return new WelcomeViewModel(messages, settings, new WelcomeViewModel.Actions() {
            @Override
            public boolean openExample(String name) {
                Recipe recipe;
                try {
                    recipe = ExampleRecipes.read(name);
                } catch (IOException | RecipeFormatException e) {
                    LOG.error("cannot read the example recipe {}", name, e);
                    dialogs.showError(messages.get("welcome.exampleFailed.title"), messages.get("welcome.exampleFailed", name + ".json"));
                    return false;
                }
                if (batch.openFromLibrary(recipe, messages.get("welcome.exampleLabel", name + ".json"))) {
                    shell.selectedProperty().set(Screen.BATCH);
                    return true;
                }
                return false;
            }

            @Override
            public void openUserGuide() {
                showUserGuide();
            }
        }, dialogs, ExampleRecipes.NAMES);
    }

    /**
     * Help › User guide: the guide shipped in the jar, in the workbench's language, in a window of its own (one at a
     * time, brought to the front; one left open in the other language is replaced).
     */
    private void showUserGuide() {
        if (guideStage != null && guideStage.isShowing()) {
            if (messages.locale().equals(guideLocale)) {
                guideStage.toFront();
                return;
            }
            guideStage.close();
        }
        List<Markdown.Block> guide;
        try {
            guide = UserGuide.read(messages.locale());
        } catch (IOException e) {
            LOG.error("cannot read the user guide", e);
            dialogs.showError(messages.get("guide.unreadable.title"), messages.get("guide.unreadable"));
            return;
        }
        guideStage = GuideView.show(stage, messages, guide, UserGuide::image, link -> getHostServices().showDocument(link));
        guideLocale = messages.locale();
    }

    /** The connection dialog's model over the settings file, as start-up reads it. */
    private ConnectionViewModel connectionViewModel() {
        Properties settings = readSettings();
        return new ConnectionViewModel(messages, library, storeExecutor, new ConnectionViewModel.Settings() {
            @Override
            public String get(String key) {
                return settings.getProperty(key);
            }

            @Override
            public void save(String url, String user, String password) throws IOException {
                Map<String, String> values = new java.util.HashMap<>();
                values.put(SettingsFile.DB_URL, url);
                values.put(SettingsFile.DB_USER, user);
                values.put(SettingsFile.DB_PASSWORD, password);
                Redaction.remember(password);
                SettingsFile.update(settingsFile(), values);
            }

            @Override
            public Path file() {
                return settingsFile();
            }

            @Override
            public Path embeddedDatabase() {
                return databasePath(settings);
            }

            @Override
            public Optional<String> overriddenBy() {
                if (System.getProperty(DB_URL_PROPERTY) != null) {
                    return Optional.of("--db-url");
                }
                String env = System.getenv(DatabaseLogin.URL_VARIABLE);
                return env == null || env.isBlank() ? Optional.empty() : Optional.of(DatabaseLogin.URL_VARIABLE);
            }
        }, Clock.systemDefaultZone());
    }

    /**
     * The screen named by scalloy.screen; "phase" (or "phase-al-zr", "phase-al-ti") is the Properties screen showing
     * that phase diagram, "scheil", "equilibrium" and "ageing" that chart of the Properties screen.
     */
    private Screen startScreen() {
        String name = System.getProperty("scalloy.screen", "batch").strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("phase")) {
            properties.tabProperty().set(PropertiesViewModel.Tab.DIAGRAM);
            for (PhaseDiagramViewModel.Binary b : PhaseDiagramViewModel.Binary.values()) {
                if (name.equals("phase-" + b.name().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    phaseDiagram.binaryProperty().set(b);
                }
            }
            return Screen.PROPERTIES;
        }
        for (PropertiesViewModel.Tab t : List.of(PropertiesViewModel.Tab.SCHEIL, PropertiesViewModel.Tab.EQUILIBRIUM,
                PropertiesViewModel.Tab.AGEING)) {
            if (name.equals(t.name().toLowerCase(Locale.ROOT))) {
                properties.tabProperty().set(t);
                return Screen.PROPERTIES;
            }
        }
        for (Screen s : Screen.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        System.err.println("scalloy: unknown screen '" + name + "' in scalloy.screen; showing Batch");
        LOG.warn("unknown screen '{}' in scalloy.screen; showing Batch", name);
        return Screen.BATCH;
    }

    /** Rebuilds the window's content in the other language; the recipe, its history and results stay. */
    private void switchLanguage(Locale locale) {
        Screen selected = shell.selectedProperty().get();
        messages = Messages.forLocale(locale);
        batch.setMessages(messages);
        properties.setMessages(messages);
        solidification.setMessages(messages);
        ageing.setMessages(messages);
        phaseDiagram.setMessages(messages);
        dialogs.setMessages(messages);
        library.setMessages(messages);
        libraryScreen.setMessages(messages);
        lotsScreen.setMessages(messages);
        specsScreen.setMessages(messages);
        recipesScreen.setMessages(messages);
        heatsScreen.setMessages(messages);
        batchLibrary.setMessages(messages);
        documents.setMessages(messages);
        // the old screens stop following the view models before the new ones are built over them
        shell.dispose();
        stage.getScene().setRoot(buildRoot(selected, false));
        bindTitle();
    }

    /**
     * Opens the embedded database named by --db (scalloy.db); else the database server when a login
     * resolves (scalloy.dbUrl from --db-url, else SCALLOY_DB_URL, else db.url in the settings file); else
     * the embedded database at {@link #databasePath}. A login
     * that cannot be used (a URL that is not JDBC) is explained, and no database is opened: quietly
     * falling back to the embedded one would let a user believe they work on the plant's.
     */
    private void openDatabase() {
        Properties settings = readSettings();
        String dbPath = System.getProperty(DB_PROPERTY);
        if (dbPath != null && !dbPath.isBlank() && System.getProperty(DB_URL_PROPERTY) == null) {
            // --db PATH names a file on the command line: it wins over a server in the environment or
            // settings, as it does for the scalloy commands.
            library.open(databasePath(settings));
            return;
        }
        Optional<DatabaseLogin> login;
        try {
            login = DatabaseLogin.resolve(System.getProperty(DB_URL_PROPERTY), System.getProperty(DB_USER_PROPERTY), System.getenv(),
                    settings.getProperty(SettingsFile.DB_URL), settings.getProperty(SettingsFile.DB_USER),
                    settings.getProperty(SettingsFile.DB_PASSWORD));
        } catch (StoreException e) {
            dialogs.showError(messages.get("db.failed.title"), messages.get("db.failed.badUrl", MessageWords.failure(e, messages)));
            return;
        }
        if (login.isPresent()) {
            library.open(login.get());
        } else {
            library.open(databasePath(settings));
        }
    }

    /** The settings file, or no settings when it cannot be read (said on standard error, without its contents). */
    static Properties readSettings() {
        Path file = settingsFile();
        try {
            Properties settings = SettingsFile.read(file);
            Redaction.remember(settings.getProperty(SettingsFile.DB_PASSWORD));
            return settings;
        } catch (IOException e) {
            // The terminal's line at start-up, before any window or language: English, as the commands write.
            System.err.println("scalloy: cannot read the settings " + file + ": " + e.getMessage());
            LOG.warn("cannot read the settings {}", file, e);
            return new Properties();
        }
    }

    static Path settingsFile() {
        return Path.of(System.getProperty("user.home")).resolve(SETTINGS);
    }

    /** The embedded database: scalloy.db (from --db), else SCALLOY_DB, else db.path in the settings file, else ~/.scalloy/scalloy. */
    static Path databasePath(Properties settings) {
        Path home = Path.of(System.getProperty("user.home"));
        return DatabaseLocation.resolve(System.getProperty(DB_PROPERTY), System.getenv(), settings.getProperty(SettingsFile.DB_PATH), home);
    }

    private void bindTitle() {
        Messages m = messages;
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> m.get("app.titleWithDocument", batch.documentNameProperty().get(), batch.dirtyProperty().get() ? 1 : 0),
                batch.documentNameProperty(), batch.dirtyProperty()));
    }

    private Image icon(int size) {
        String path = "/ca/scalloy/ui/icons/scalloy-" + size + ".png";
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(path), path)) {
            return new Image(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the icon " + path, e);
        }
    }

    /** The start-up probe and screenshot for scripted runs; nothing unless scalloy.exitAfterShownMs is set. */
    private void scriptedExit() {
        String after = System.getProperty("scalloy.exitAfterShownMs");
        if (after == null) {
            return;
        }
        long shownMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("scalloy: main window shown " + shownMs + " ms after JVM start");
        LOG.info("main window shown {} ms after JVM start (scripted run)", shownMs);
        // and when the first screen has been laid out in it (queued after the shell's, so the screen is in place)
        Platform.runLater(() -> {
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long screenMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("scalloy: start screen shown " + screenMs + " ms after JVM start");
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
        PauseTransition wait = new PauseTransition(Duration.millis(Long.parseLong(after.strip())));
        wait.setOnFinished(e -> {
            String snapshot = System.getProperty("scalloy.snapshot");
            if (snapshot != null) {
                writeSnapshot(Path.of(snapshot));
            }
            closeWindowsOtherThan(stage);
            Platform.exit();
        });
        wait.play();
    }

    /**
     * Closes every dialog, preview and popup before a scripted exit: leaving the toolkit with a dialog
     * still open crashed GTK on exit (the JVM crash logs of issue 13).
     */
    static void closeWindowsOtherThan(Window main) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != main && w.isShowing()) {
                w.hide();
            }
        }
    }

    /** Opens the log folder in the system's file manager, making it first if nothing was logged yet. */
    private void openLogFolder() {
        Path folder = Logs.folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.warn("cannot make the log folder {}", folder, e);
        }
        getHostServices().showDocument(folder.toUri().toString());
    }

    private void writeSnapshot(Path file) {
        Stage shown = previewStage != null && previewStage.isShowing() ? previewStage : stage;
        BufferedImage image = SwingFXUtils.fromFXImage(shown.getScene().snapshot(null), null);
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            // Scripted screenshots only (scripts/screenshots.sh reads the terminal): English, as the commands write.
            System.err.println("scalloy: cannot write the snapshot " + file + ": " + e.getMessage());
            LOG.warn("cannot write the snapshot {}", file, e);
        }
    }
}
