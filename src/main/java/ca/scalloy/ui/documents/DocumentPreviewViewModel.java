package ca.scalloy.ui.documents;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.io.AtomicFiles;
import ca.scalloy.io.BatchSheetPdf.Paper;
import ca.scalloy.io.PdfPages;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;

/**
 * The preview of one PDF document: its pages as images, page by page, in the chosen language and
 * paper; saved as PDF or printed. Any document can be previewed: the caller says how to render it.
 * Rendering runs off the UI thread, the newest choice winning.
 */
public final class DocumentPreviewViewModel {

    /** Renders the document; called off the UI thread. */
    @FunctionalInterface
    public interface Renderer {
        byte[] render(Locale language, Paper paper) throws Exception;
    }

    /** Renders a document that may carry an appendix the reader chooses to print; called off the UI thread. */
    @FunctionalInterface
    public interface AppendixRenderer {
        byte[] render(Locale language, Paper paper, boolean appendix) throws Exception;
    }

    /** Resolution of the page images: sharp on screen and good enough on paper. */
    static final float DPI = 150f;

    private final String title;
    private final String fileName;
    private final AppendixRenderer renderer;
    /** The appendix's name in the preview's bar, or null for a document without one. */
    private final String appendixLabelKey;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Printing printing;
    private Messages messages;
    private byte[] pdf;
    /** Counts render requests so that only the newest one's pages are shown. */
    private int generation;

    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(this, "paper");
    private final BooleanProperty appendix = new SimpleBooleanProperty(this, "appendix", false);
    private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
    private final ObservableList<BufferedImage> pagesView = FXCollections.unmodifiableObservableList(pages);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyObjectWrapper<BufferedImage> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param title    the window title and print job name
     * @param fileName the suggested PDF file name
     * @param language the first language (en or fr)
     * @param paper    the first paper size
     */
    public DocumentPreviewViewModel(Messages messages, String title, String fileName, Renderer renderer, Locale language,
                                    Paper paper, BackgroundExecutor executor, DialogService dialogs, Printing printing) {
        this(messages, title, fileName, null, withoutAppendix(renderer), language, paper, executor, dialogs, printing);
    }

    /**
     * A preview of a document with an appendix printed when the reader asks for it (off at first).
     *
     * @param appendixLabelKey the message key of the appendix's name in the preview's bar
     */
    public DocumentPreviewViewModel(Messages messages, String title, String fileName, String appendixLabelKey, AppendixRenderer renderer,
                                    Locale language, Paper paper, BackgroundExecutor executor, DialogService dialogs, Printing printing) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.title = Objects.requireNonNull(title, "title");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.appendixLabelKey = appendixLabelKey;
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.printing = Objects.requireNonNull(printing, "printing");
        this.language.set(documentLanguage(language));
        this.paper.set(Objects.requireNonNull(paper, "paper"));
        this.language.addListener((o, a, b) -> render());
        this.paper.addListener((o, a, b) -> render());
        this.appendix.addListener((o, a, b) -> render());
        render();
    }

    private static AppendixRenderer withoutAppendix(Renderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return (language, paper, appendix) -> renderer.render(language, paper);
    }

    /** French for a French locale, else English: the two languages the documents are written in. */
    public static Locale documentLanguage(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** The languages the documents come in. */
    public static List<Locale> languages() {
        return List.of(Locale.ENGLISH, Locale.FRENCH);
    }

    private void render() {
        int mine = ++generation;
        Locale lang = language.get();
        Paper size = paper.get();
        boolean withAppendix = appendix.get();
        busy.set(true);
        status.set(messages.get("preview.rendering"));
        executor.run(() -> {
            byte[] bytes = renderer.render(lang, size, withAppendix);
            return new Rendered(bytes, PdfPages.render(bytes, DPI));
        }, r -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            pdf = r.pdf();
            pages.setAll(r.pages());
            showPage(Math.min(pageIndex.get(), pages.size() - 1));
            status.set("");
        }, e -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            pdf = null;
            pages.clear();
            showPage(0);
            status.set(MessageWords.failure(e, messages, "preview.failed"));
        });
    }

    private record Rendered(byte[] pdf, List<BufferedImage> pages) {
    }

    private void showPage(int index) {
        int i = Math.max(0, index);
        pageIndex.set(i);
        page.set(i < pages.size() ? pages.get(i) : null);
    }

    public void nextPage() {
        if (pageIndex.get() + 1 < pages.size()) {
            showPage(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (pageIndex.get() > 0) {
            showPage(pageIndex.get() - 1);
        }
    }

    /** "Page 2 of 3", or "" while there are no pages. */
    public String pageLabel() {
        return pages.isEmpty() ? "" : messages.get("preview.pageOf", pageIndex.get() + 1, pages.size());
    }

    /** Save PDF…: asks where, writes off the UI thread. @return whether a file was chosen */
    public boolean savePdf() {
        byte[] bytes = pdf;
        if (bytes == null) {
            dialogs.showError(title, status.get());
            return false;
        }
        Optional<Path> target = dialogs.chooseToSave(messages.get("preview.savePdf.title"), DialogService.FileKind.PDF, fileName);
        if (target.isEmpty()) {
            return false;
        }
        executor.run(() -> {
            AtomicFiles.write(target.get(), bytes);
            return target.get();
        }, p -> status.set(messages.get("preview.saved", p.toString())),
                e -> dialogs.showError(messages.get("preview.savePdf.title"), MessageWords.fileFailure(e, target.get(), true, messages)));
        return true;
    }

    /** Print…: prints the page images; with no printer, says so and offers to save the PDF instead. */
    public void print() {
        if (pages.isEmpty()) {
            dialogs.showError(title, status.get());
            return;
        }
        switch (printing.print(title, List.copyOf(pages))) {
            case PRINTED -> status.set(messages.get("preview.printed", pages.size()));
            case CANCELLED -> status.set("");
            case NO_PRINTER -> {
                status.set(messages.get("preview.noPrinter.status"));
                if (dialogs.confirm(messages.get("preview.noPrinter.title"), messages.get("preview.noPrinter.message"))) {
                    savePdf();
                }
            }
            case FAILED -> dialogs.showError(messages.get("preview.print"), messages.get("preview.printFailed"));
        }
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
    }

    public Messages messages() {
        return messages;
    }

    public String title() {
        return title;
    }

    /** The PDF of the pages shown, or empty while rendering or after a failure. */
    public Optional<byte[]> pdf() {
        return Optional.ofNullable(pdf);
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Whether the appendix is printed (for a document that has one, {@link #appendixLabel}). */
    public BooleanProperty appendixProperty() {
        return appendix;
    }

    /** The appendix's name in the preview's bar, or empty for a document without one. */
    public Optional<String> appendixLabel() {
        return Optional.ofNullable(appendixLabelKey).map(messages::get);
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public ObservableList<BufferedImage> pages() {
        return pagesView;
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    /** The page shown, or null while there is none. */
    public ReadOnlyObjectProperty<BufferedImage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What happened last, in words ("" when there is nothing to say). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
