package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.CanonicalEventWriter;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ParseResult;
import com.ibportal.ingestion.csv.CsvColumns;
import com.ibportal.ingestion.csv.CsvReader;
import com.ibportal.security.AuditTrail;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import com.ibportal.shared.NotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * CSV import into a CSV connector's inbox. Every row is judged by the canonical parser; good rows are stored through
 * {@link InboxWriter} (the same idempotent path as webhooks) in chunks of {@link #CHUNK_ROWS}, one transaction each,
 * so a 100,000-row file never holds one huge transaction. If the import stops half way (crash, restart), the chunks
 * committed so far stay: importing the same file again stores the rest, its stored rows count as duplicates.
 */
@Service
public class CsvImportService {

    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int CHUNK_ROWS = 1_000;
    public static final int MAX_LISTED_REJECTIONS = 10_000;
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    private final Connectors connectors;
    private final InboxWriter inbox;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final CanonicalEventParser parser = new CanonicalEventParser();
    private final CanonicalEventWriter writer = new CanonicalEventWriter();

    CsvImportService(Connectors connectors, InboxWriter inbox, AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.connectors = connectors;
        this.inbox = inbox;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Imports a UTF-8 CSV file (header row first) into the connector's inbox.
     *
     * @param sizeBytes the file's size, checked before anything is read or stored
     * @param progress  told the number of data rows handled so far, after each chunk (from the calling thread)
     * @throws NotFoundException        no such connector
     * @throws ConflictException        not a CSV connector, or disabled
     * @throws ImportTooLargeException  over {@link #MAX_FILE_BYTES}
     * @throws InvalidInputException    the file as a whole is unusable (no header, required columns missing, not UTF-8)
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NEVER)
    public ImportReport importCsv(long connectorId, String fileName, InputStream content, long sizeBytes,
                                  LongConsumer progress) {
        Connector connector = connectors.find(connectorId).orElseThrow(() -> new NotFoundException("Connector " + connectorId));
        if (connector.kind() != ConnectorKind.CSV) {
            throw new ConflictException("Connector " + connector.name() + " is a " + connector.kind()
                    + " connector; files are imported into CSV connectors");
        }
        if (!connector.enabled()) {
            throw new ConflictException("Connector " + connector.name() + " is disabled; enable it to import");
        }
        if (sizeBytes > MAX_FILE_BYTES) {
            throw new ImportTooLargeException(MAX_FILE_BYTES);
        }
        CsvColumns columns = CsvColumns.read(JsonValues.mapper().readTree(connector.settingsJson()).get("csvColumns")).columns();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Import run = new Import(connectorId, fileName == null ? "upload.csv" : fileName, columns, progress);
        try {
            run.read(new CsvReader(new BufferedReader(new InputStreamReader(content, utf8)), MAX_RECORD_CHARS));
        } catch (MalformedInputException notUtf8) {
            run.flush();
            run.reject(run.lastLine + 1, "the file is not UTF-8 text from here on; save it as UTF-8 and import it again");
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Could not read the uploaded file", unreadable);
        }
        ImportReport report = run.report();
        transactions.executeWithoutResult(status -> audit.record("CSV_IMPORTED", "connector " + connectorId,
                run.fileName + ": " + report.rows() + " rows, " + report.accepted() + " accepted, " + report.duplicates()
                        + " duplicates, " + report.rejectedCount() + " rejected"));
        return report;
    }

    /** One file being imported: the header's columns, the pending chunk and the counts. */
    private final class Import {
        private final long connectorId;
        private final String fileName;
        private final CsvColumns columns;
        private final LongConsumer progress;
        private final Map<String, Integer> indexByField = new LinkedHashMap<>();
        private String headerRaw;
        private int headerSize;
        private final Map<String, InboxStore.NewEvent> chunk = new LinkedHashMap<>();
        private final List<String> chunkRaw = new ArrayList<>();
        private long chunkRows;
        private long chunkFirstLine;
        private long rows;
        private long accepted;
        private long duplicates;
        private long rejectedCount;
        private long lastLine = 1;
        private final List<ImportReport.RejectedLine> rejected = new ArrayList<>();

        Import(long connectorId, String fileName, CsvColumns columns, LongConsumer progress) {
            this.connectorId = connectorId;
            this.fileName = fileName;
            this.columns = columns;
            this.progress = progress;
        }

        void read(CsvReader reader) throws IOException {
            readHeader(reader);
            while (true) {
                CsvReader.Row row;
                try {
                    row = reader.next();
                } catch (CsvReader.CsvFormatException malformed) {
                    rows++;
                    reject(malformed.line(), malformed.getMessage());
                    if (malformed.fatal()) {
                        break;
                    }
                    continue;
                }
                if (row == null) {
                    break;
                }
                rows++;
                lastLine = row.line();
                take(row);
                if (chunkRows >= CHUNK_ROWS) {
                    flush();
                }
            }
            flush();
        }

        private void readHeader(CsvReader reader) throws IOException {
            CsvReader.Row header;
            try {
                header = reader.next();
            } catch (CsvReader.CsvFormatException malformed) {
                throw InvalidInputException.of("file", "the header row cannot be read: " + malformed.getMessage());
            }
            if (header == null) {
                throw InvalidInputException.of("file", "is empty; the first row must name the columns ("
                        + String.join(",", CsvColumns.FIELDS) + ")");
            }
            headerRaw = header.raw();
            headerSize = header.fields().size();
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                positions.computeIfAbsent(normalise(header.fields().get(i)), key -> new ArrayList<>()).add(i);
            }
            List<FieldProblem> problems = new ArrayList<>();
            for (String field : CsvColumns.FIELDS) {
                String name = columns.headerOf(field);
                List<Integer> found = positions.get(normalise(name));
                if (found == null) {
                    if (columns.renamed(field)) {
                        problems.add(new FieldProblem("file", "has no column \"" + name + "\" (the connector's csvColumns "
                                + "map " + field + " to it)"));
                    } else if (CsvColumns.ENVELOPE.contains(field)) {
                        problems.add(new FieldProblem("file", "has no column \"" + name + "\" (required; every row "
                                + "needs " + String.join(", ", CsvColumns.ENVELOPE) + ")"));
                    }
                } else if (found.size() > 1) {
                    problems.add(new FieldProblem("file", "has the column \"" + name + "\" more than once"));
                } else {
                    indexByField.put(field, found.getFirst());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }

        private void take(CsvReader.Row row) {
            if (row.fields().size() != headerSize) {
                reject(row.line(), "has " + row.fields().size() + " fields, the header has " + headerSize);
                return;
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            ObjectNode data = json.putObject("data");
            indexByField.forEach((field, index) -> {
                String value = row.fields().get(index).trim();
                if (!value.isEmpty()) {
                    (CsvColumns.ENVELOPE.contains(field) ? json : data).put(field, value);
                }
            });
            switch (parser.parse(json)) {
                case ParseResult.Valid<CanonicalEvent> valid -> {
                    CanonicalEvent event = valid.value();
                    if (chunkRows == 0) {
                        chunkFirstLine = row.line();
                    }
                    chunkRows++;
                    if (chunk.putIfAbsent(event.id(), new InboxStore.NewEvent(event.id(), event.type().wireName(),
                            event.clientId(), event.occurredAt(), writer.writeString(event))) == null) {
                        chunkRaw.add(row.raw());
                    }
                }
                case ParseResult.Invalid<CanonicalEvent> invalid -> reject(row.line(),
                        invalid.errors().stream().map(this::describe).collect(Collectors.joining("; ")));
            }
        }

        /** An error in the words of the file: the column's header, and the canonical field when it was renamed. */
        private String describe(FieldError error) {
            String field = error.field().startsWith("data.") ? error.field().substring("data.".length()) : error.field();
            if (!CsvColumns.FIELDS.contains(field)) {
                return error.field() + ": " + error.message();
            }
            String header = columns.headerOf(field);
            String column = indexByField.containsKey(field) ? "column \"" + header + "\"" : "column \"" + header + "\" (absent)";
            return column + (columns.renamed(field) ? " (" + field + ")" : "") + ": " + error.message();
        }

        void reject(long line, String reason) {
            rejectedCount++;
            if (rejected.size() < MAX_LISTED_REJECTIONS) {
                rejected.add(new ImportReport.RejectedLine(line, reason));
            }
        }

        /** Stores the pending chunk in its own transaction. */
        void flush() {
            if (chunkRows == 0) {
                progress.accept(rows);
                return;
            }
            byte[] raw = (headerRaw + "\r\n" + String.join("\r\n", chunkRaw)).getBytes(StandardCharsets.UTF_8);
            InboxWriter.Raw delivery = new InboxWriter.Raw(InboxStore.truncate(fileName, 160) + " from line " + chunkFirstLine,
                    null, "text/csv", null, raw);
            int stored = transactions.execute(status -> inbox.store(connectorId, delivery, chunk.values())).size();
            accepted += stored;
            duplicates += chunkRows - stored;
            chunk.clear();
            chunkRaw.clear();
            chunkRows = 0;
            progress.accept(rows);
        }

        ImportReport report() {
            return new ImportReport(rows, accepted, duplicates, rejectedCount, rejected);
        }
    }

    private static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT);
    }
}
