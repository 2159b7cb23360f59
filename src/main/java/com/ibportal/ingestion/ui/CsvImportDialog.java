package com.ibportal.ingestion.ui;

import com.ibportal.ingestion.ConnectorView;
import com.ibportal.ingestion.CsvImportService;
import com.ibportal.ingestion.ImportReport;
import com.ibportal.ingestion.ImportTooLargeException;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Upload a CSV file into a CSV connector. The import runs on a background thread (a 100,000-row file takes a while);
 * without server push the page polls while it runs to show the rows processed, then shows the report: counts, the
 * rejected lines, and those as a CSV download.
 */
class CsvImportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(CsvImportDialog.class);
    static final int POLL_MILLIS = 500;

    private final CsvImportService imports;
    private final ConnectorView connector;
    private final Executor executor;
    /** The admin's identity, for the background thread (the service checks the role). */
    private final SecurityContext security = SecurityContextHolder.getContext();

    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Span counts = new Span();
    final Grid<ImportReport.RejectedLine> rejected = new Grid<>();
    final Anchor download = new Anchor();
    /** The running or last import; completes once the UI updates are queued (tests wait on it, then run them). */
    volatile CompletableFuture<ImportReport> running = CompletableFuture.completedFuture(null);

    CsvImportDialog(CsvImportService imports, ConnectorView connector, Executor executor) {
        this.imports = imports;
        this.connector = connector;
        this.executor = executor;
        setHeaderTitle("Import CSV into " + connector.name());
        setWidth("min(900px, 95vw)");
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> start(metadata.fileName(), file)));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) CsvImportService.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        rejected.addColumn(ImportReport.RejectedLine::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        rejected.addColumn(ImportReport.RejectedLine::reason).setHeader("Reason").setFlexGrow(1);
        rejected.setVisible(false);
        rejected.setAllRowsVisible(false);
        rejected.setHeight("300px");
        download.setText("Download rejected lines (CSV)");
        download.setVisible(false);
        VerticalLayout body = new VerticalLayout(new Paragraph("A UTF-8 file with a header row: id, type, occurredAt, "
                + "clientId and the data fields of each type (or the connector's csvColumns). Up to "
                + CsvImportService.MAX_FILE_BYTES / (1024 * 1024) + " MiB. Importing a file again changes nothing."),
                upload, progress, status, counts, rejected, download);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button("Close", e -> close()));
    }

    private void start(String fileName, File file) {
        UI ui = upload.getUI().orElseThrow();
        CompletableFuture<ImportReport> future = new CompletableFuture<>();
        running = future;
        ui.access(() -> {
            ui.setPollInterval(POLL_MILLIS);
            upload.setVisible(false);
            progress.setVisible(true);
            status.setText("Importing " + fileName + "…");
        });
        executor.execute(() -> {
            SecurityContextHolder.setContext(security);
            try (InputStream content = new FileInputStream(file)) {
                ImportReport report = imports.importCsv(connector.id(), fileName, content, file.length(),
                        rows -> ui.access(() -> status.setText("Importing " + fileName + ": " + rows + " rows processed")));
                ui.access(() -> {
                    finished(ui);
                    show(fileName, report);
                });
                future.complete(report);
            } catch (InvalidInputException | ConflictException | NotFoundException | ImportTooLargeException refused) {
                String message = refused instanceof InvalidInputException invalid
                        ? invalid.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "))
                        : refused.getMessage();
                ui.access(() -> {
                    finished(ui);
                    status.setText("Not imported: " + message);
                });
                future.completeExceptionally(refused);
            } catch (Exception failed) {
                log.error("CSV import into connector {} failed", connector.id(), failed);
                ui.access(() -> {
                    finished(ui);
                    status.setText("The import failed; rows stored before the failure stay, importing the file again "
                            + "stores the rest.");
                });
                future.completeExceptionally(failed);
            } finally {
                SecurityContextHolder.clearContext();
                if (!file.delete()) {
                    file.deleteOnExit();
                }
            }
        });
    }

    private void finished(UI ui) {
        ui.setPollInterval(-1);
        progress.setVisible(false);
        upload.clearFileList();
        upload.setVisible(true);
    }

    void show(String fileName, ImportReport report) {
        status.setText("Imported " + fileName + ": " + report.rows() + " rows.");
        counts.setText(report.accepted() + " accepted, " + report.duplicates() + " duplicates, "
                + report.rejectedCount() + " rejected");
        rejected.setItems(report.rejected());
        rejected.setVisible(!report.rejected().isEmpty());
        download.setVisible(!report.rejected().isEmpty());
        byte[] csv = rejectedCsv(report);
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(csv),
                "rejected-" + baseName(fileName) + ".csv", "text/csv", csv.length)));
    }

    static byte[] rejectedCsv(ImportReport report) {
        StringBuilder csv = new StringBuilder("line,reason\r\n");
        report.rejected().forEach(line -> csv.append(line.line()).append(",\"")
                .append(line.reason().replace("\"", "\"\"")).append("\"\r\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "upload" : fileName.replaceAll("\\.[Cc][Ss][Vv]$", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static Executor backgroundThreads() {
        return task -> Thread.ofVirtual().name("csv-import").start(task);
    }

}
