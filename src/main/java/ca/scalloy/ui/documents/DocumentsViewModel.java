package ca.scalloy.ui.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.io.BatchSheetPdf;
import ca.scalloy.io.BatchSheetPdf.Paper;
import ca.scalloy.io.ChargeResultCsv;
import ca.scalloy.io.CsvWriter;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.store.RecipeRepository;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.PlantUnits;

/**
 * The workbench's documents and file exchange: File › Batch sheet… (a preview of the current
 * recipe's sheet), Import recipes… and recipe files dropped on the window, and Export charge as CSV….
 */
public final class DocumentsViewModel {

    /** Shows a document preview; the application opens a window, tests remember it. */
    @FunctionalInterface
    public interface PreviewWindows {
        void show(DocumentPreviewViewModel preview);
    }

    private static final String DEFAULT_COMPANY = "Scalloy";

    private final Supplier<Optional<Recipe>> currentRecipe;
    private final ChargeCalculator calculator;
    private final LibraryStore library;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Printing printing;
    private final PreviewWindows windows;
    private final Predicate<Path> openInBatch;
    private Messages messages;

    /**
     * @param currentRecipe the Batch screen's recipe, empty while a field cannot be read
     * @param executor      runs the solves and renders off the UI thread
     * @param openInBatch   opens one recipe file in the Batch screen; true when it was opened
     */
    public DocumentsViewModel(Messages messages, Supplier<Optional<Recipe>> currentRecipe, ChargeCalculator calculator,
                              LibraryStore library, BackgroundExecutor executor, DialogService dialogs, Printing printing,
                              PreviewWindows windows, Predicate<Path> openInBatch) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.currentRecipe = Objects.requireNonNull(currentRecipe, "currentRecipe");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.library = Objects.requireNonNull(library, "library");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.printing = Objects.requireNonNull(printing, "printing");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.openInBatch = Objects.requireNonNull(openInBatch, "openInBatch");
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
    }

    /** The paper of the user's country: Letter in North America, else A4. */
    public static Paper defaultPaper(Locale locale) {
        String country = locale.getCountry();
        return country.equals("US") || country.equals("CA") ? Paper.LETTER : Paper.A4;
    }

    /** File › Batch sheet…: solves the current recipe off the UI thread and previews its sheet. */
    public void batchSheet() {
        String title = messages.get("documents.sheet.title");
        Optional<Recipe> recipe = currentRecipe.get();
        if (recipe.isEmpty()) {
            dialogs.showError(title, messages.get("documents.noRecipe"));
            return;
        }
        Recipe r = recipe.get();
        Database db = library.database();
        Messages m = messages;
        // The appendix of what the limits cost is the reader's choice in the preview (a charge solved for property targets
        // has no sensitivity, so no appendix to offer).
        executor.run(() -> prepareSheet(r, db, m), prepared -> windows.show(new DocumentPreviewViewModel(m,
                        m.get("documents.sheet.windowTitle", r.name()), fileName(r.name()) + "-batch-sheet.pdf",
                        prepared.sheet().sensitivity() == null ? null : "preview.appendix.sensitivity",
                        (language, paper, appendix) -> BatchSheetPdf.render(appendix ? prepared.sheet() : prepared.sheet().withoutSensitivity(),
                                PlantUnits.in(language), paper, null), prepared.language(), defaultPaper(m.locale()), executor, dialogs, printing)),
                e -> dialogs.showError(title, MessageWords.failure(e, m)));
    }

    private record PreparedSheet(BatchSheet sheet, Locale language) {
    }

    private PreparedSheet prepareSheet(Recipe recipe, Database db, Messages m) {
        ChargeAnalysis analysis = calculator.analyse(recipe, ChargeAnalysis.Request.standard(recipe.propertyTargets().isEmpty()));
        ChargeResult charge = analysis.result();
        if (!charge.solved()) {
            throw new InputException("documents.infeasible", "the charge of " + recipe.name() + " has no solution", recipe.name());
        }
        String company = DEFAULT_COMPANY;
        String address = "";
        Locale language = m.locale();
        if (db != null) {
            SettingsRepository settings = db.settings();
            company = settings.get(SettingsRepository.COMPANY_NAME, DEFAULT_COMPANY);
            address = settings.get(SettingsRepository.COMPANY_ADDRESS, "");
            language = settings.get(SettingsRepository.DOCUMENT_LANGUAGE).map(Locale::forLanguageTag).orElse(language);
        }
        SheetHeader header = SheetHeader.blank(company, address, "BS-" + recipe.grade());
        return new PreparedSheet(BatchSheet.of(header, recipe, charge, AdditionPlanner.defaultSuperheatC()).withAnalysis(analysis),
                DocumentPreviewViewModel.documentLanguage(language));
    }

    /** A file name made of the letters, digits and dashes of {@code name}. */
    static String fileName(String name) {
        String s = name.strip().replaceAll("[^\\p{L}\\p{N}.-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "recipe" : s;
    }

    /** File › Export charge as CSV…: the current recipe's charge, with the locale's separator and decimal mark. */
    public void exportChargeCsv() {
        String title = messages.get("documents.csv.title");
        Optional<Recipe> recipe = currentRecipe.get();
        if (recipe.isEmpty()) {
            dialogs.showError(title, messages.get("documents.noRecipe"));
            return;
        }
        Recipe r = recipe.get();
        Optional<Path> target = dialogs.chooseToSave(title, DialogService.FileKind.CSV, fileName(r.name()) + "-charge.csv");
        if (target.isEmpty()) {
            return;
        }
        Locale locale = messages.locale();
        Messages m = messages;
        executor.run(() -> {
            ChargeResult result = calculator.solve(r);
            ChargeResultCsv.write(result, r.name(), new CsvWriter(CsvWriter.separatorFor(locale), locale)).write(target.get());
            return result.solved();
        }, solved -> dialogs.showInformation(title, m.get(solved ? "documents.csv.done" : "documents.csv.doneInfeasible",
                target.get().toString())), e -> dialogs.showError(title, MessageWords.fileFailure(e, target.get(), true, m)));
    }

    /** File › Import recipes…: the chosen files into the library database, all or none. */
    public void importRecipes() {
        List<Path> files = dialogs.chooseFilesToOpen(messages.get("documents.import.title"));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    /**
     * Files dropped on the window: one recipe file opens in the Batch screen; several files, or a
     * folder (its {@code *.json} files), are imported into the library database, all or none.
     */
    public void dropped(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (paths.size() == 1 && Files.isRegularFile(paths.get(0))) {
            openInBatch.test(paths.get(0));
            return;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> in = Files.list(p)) {
                    in.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    dialogs.showError(messages.get("documents.import.title"), MessageWords.fileFailure(e, p, false, messages));
                    return;
                }
            } else {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            dialogs.showError(messages.get("documents.import.title"), messages.get("documents.import.noFiles"));
            return;
        }
        importFiles(files);
    }

    /** What happened to one file of an import. */
    public record FileReport(Path file, String recipeName, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private record ImportOutcome(List<FileReport> reports, List<RecipeVersion> saved) {
    }

    /** Reads and checks every file first; stores them all in one transaction only when every one is good. */
    void importFiles(List<Path> files) {
        String title = messages.get("documents.import.title");
        Database db = library.database();
        if (db == null) {
            dialogs.showError(title, messages.get("documents.import.noDatabase", library.messageProperty().get()));
            return;
        }
        Messages m = messages;
        library.executor().run(() -> {
            List<FileReport> reports = new ArrayList<>();
            List<Recipe> recipes = new ArrayList<>();
            for (Path f : files) {
                try {
                    Recipe r = RecipeFiles.read(f);
                    if (r.name().isBlank()) {
                        reports.add(new FileReport(f, "", m.get("documents.import.noName")));
                    } else {
                        RecipeRepository.checkFits(r, m.get("documents.import.note"));
                        recipes.add(r);
                        reports.add(new FileReport(f, r.name(), null));
                    }
                } catch (Exception e) {
                    reports.add(new FileReport(f, "", MessageWords.fileFailure(e, f, false, m)));
                }
            }
            if (reports.stream().anyMatch(r -> !r.ok())) {
                return new ImportOutcome(reports, List.of());
            }
            return new ImportOutcome(reports, db.recipes().saveAll(recipes, m.get("documents.import.note")));
        }, outcome -> report(title, outcome, m), e -> {
            if (!LibraryStore.alreadyReported(e)) {
                dialogs.showError(title, m.get("documents.import.failed", MessageWords.failure(e, m)));
            }
        });
    }

    private void report(String title, ImportOutcome outcome, Messages m) {
        List<FileReport> reports = outcome.reports();
        long bad = reports.stream().filter(r -> !r.ok()).count();
        StringBuilder text = new StringBuilder();
        if (bad > 0) {
            text.append(m.get("documents.import.refused", bad, reports.size()));
            for (FileReport r : reports) {
                text.append('\n').append(r.ok() ? m.get("documents.import.lineGood", r.file().getFileName().toString(), r.recipeName())
                        : m.get("documents.import.lineBad", r.file().getFileName().toString(), r.error()));
            }
            dialogs.showError(title, text.toString());
            return;
        }
        text.append(m.get("documents.import.done", outcome.saved().size()));
        for (int i = 0; i < reports.size(); i++) {
            RecipeVersion v = outcome.saved().get(i);
            text.append('\n').append(m.get("documents.import.lineSaved", reports.get(i).file().getFileName().toString(),
                    v.recipe().name(), v.version()));
        }
        dialogs.showInformation(title, text.toString());
    }
}
