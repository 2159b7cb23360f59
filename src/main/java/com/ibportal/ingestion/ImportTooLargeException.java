package com.ibportal.ingestion;

/** A CSV file over {@link CsvImportService#MAX_FILE_BYTES}; refused before anything is read (413 over REST). */
public class ImportTooLargeException extends RuntimeException {

    public ImportTooLargeException(long limitBytes) {
        super("The file is larger than the import limit of " + limitBytes / (1024 * 1024) + " MiB; split it into smaller files",
                null, false, false);
    }
}
