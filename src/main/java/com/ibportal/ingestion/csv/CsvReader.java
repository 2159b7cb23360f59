package com.ibportal.ingestion.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records: fields separated by commas, optionally in double quotes (commas, quotes doubled as
 * {@code ""} and line breaks inside), records ended by CRLF, LF or CR. A leading byte order mark is skipped, blank
 * lines are skipped, the last record may lack a line break. Each record carries the file line it starts on and its
 * raw text, so a report can point at the line and the raw copy holds the bytes as sent.
 *
 * <p>A malformed record (a quote inside an unquoted field, text after a closing quote) is a {@link CsvFormatException}
 * for that record only; reading goes on at the next line. An unclosed quote or an over-long record ends the file
 * ({@link CsvFormatException#fatal()}): after it, nothing can be trusted to be where it seems.
 */
public final class CsvReader {

    /** One record. {@code line} is 1-based, the line the record starts on; {@code raw} has no line terminator. */
    public record Row(long line, List<String> fields, String raw) {
    }

    /** A record that cannot be read; {@code fatal} when nothing after it can be read either. */
    public static final class CsvFormatException extends RuntimeException {
        private final long line;
        private final boolean fatal;

        CsvFormatException(long line, String message, boolean fatal) {
            super(message, null, false, false);
            this.line = line;
            this.fatal = fatal;
        }

        public long line() {
            return line;
        }

        public boolean fatal() {
            return fatal;
        }
    }

    private static final int EOF = -1;

    private final Reader reader;
    private final int maxRecordChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private boolean finished;

    public CsvReader(Reader reader, int maxRecordChars) {
        this.reader = reader;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the input. */
    public Row next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean inQuotes = false;
        boolean quotedField = false;
        boolean afterClosingQuote = false;
        while (true) {
            int c = read();
            if (c == EOF) {
                finished = true;
                if (inQuotes) {
                    throw new CsvFormatException(startLine, "a quoted field opened on line " + startLine
                            + " is never closed", true);
                }
                if (fields.isEmpty() && field.isEmpty() && !quotedField) {
                    return null;
                }
                fields.add(field.toString());
                return new Row(startLine, fields, raw.toString());
            }
            if (raw.length() >= maxRecordChars) {
                finished = true;
                throw new CsvFormatException(startLine, "the record starting on line " + startLine + " is longer than "
                        + maxRecordChars + " characters (an unclosed quote?)", true);
            }
            char ch = (char) c;
            if (inQuotes) {
                raw.append(ch);
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        raw.append('"');
                        field.append('"');
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else {
                    if (ch == '\n' || ch == '\r' && peek() != '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                if (fields.isEmpty() && field.isEmpty() && !quotedField) {
                    // a blank line: no record
                    startLine = line;
                    raw.setLength(0);
                    continue;
                }
                fields.add(field.toString());
                return new Row(startLine, fields, raw.toString());
            }
            raw.append(ch);
            if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
                afterClosingQuote = false;
            } else if (afterClosingQuote) {
                skipRestOfLine();
                throw new CsvFormatException(startLine, "text after the closing quote of field " + (fields.size() + 1), false);
            } else if (ch == '"') {
                if (!field.isEmpty()) {
                    skipRestOfLine();
                    throw new CsvFormatException(startLine, "a quote inside the unquoted field " + (fields.size() + 1)
                            + " (quote the whole field and double the quote: \"\")", false);
                }
                inQuotes = true;
                quotedField = true;
            } else {
                field.append(ch);
            }
        }
    }

    private void skipRestOfLine() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                finished = true;
                return;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                return;
            }
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = reader.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
