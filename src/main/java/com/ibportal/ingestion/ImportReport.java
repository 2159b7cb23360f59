package com.ibportal.ingestion;

import java.util.List;

/**
 * What a CSV import did: data rows read, rows stored as new events, rows whose event id was known already (or came
 * twice in the file), and the rejected rows by file line with the reason. {@code rejected} lists at most
 * {@link CsvImportService#MAX_LISTED_REJECTIONS}; {@code rejectedCount} counts all.
 */
public record ImportReport(long rows, long accepted, long duplicates, long rejectedCount, List<RejectedLine> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** One refused row: the file line it starts on (the header is line 1) and why. */
    public record RejectedLine(long line, String reason) {
    }
}
