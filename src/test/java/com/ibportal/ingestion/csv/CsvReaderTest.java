package com.ibportal.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> all(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text), 1000);
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void readsPlainRecordsWithLfCrlfOrCrAndWithoutAFinalLineBreak() throws IOException {
        List<CsvReader.Row> rows = all("a,b,c\r\n1,2,3\n4,,6\r7,8,9");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "", "6"), List.of("7", "8", "9"));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows.get(1).raw()).isEqualTo("1,2,3");
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaksAndKeepTheLineNumbersOfTheFile() throws IOException {
        List<CsvReader.Row> rows = all("id,note\r\n1,\"Smith, John\"\r\n2,\"said \"\"hi\"\"\r\nand left\"\r\n3,\"\"\r\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("id", "note"), List.of("1", "Smith, John"), List.of("2", "said \"hi\"\r\nand left"), List.of("3", ""));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 5L);
        assertThat(rows.get(2).raw()).isEqualTo("2,\"said \"\"hi\"\"\r\nand left\"");
    }

    @Test
    void skipsALeadingByteOrderMarkAndBlankLines() throws IOException {
        List<CsvReader.Row> rows = all("\uFEFFid,type\n\n1,x\r\n\r\n2,y\n\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("id", "type"), List.of("1", "x"), List.of("2", "y"));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 3L, 5L);
    }

    @Test
    void aStrayQuoteSpoilsOnlyItsOwnRecord() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b\n1,x\"y\n2,\"z\"w\n3,ok\n"), 1000);
        assertThat(reader.next().fields()).containsExactly("a", "b");
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.fatal()).isFalse();
        });
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("after the closing quote");
        });
        CsvReader.Row last = reader.next();
        assertThat(last.fields()).containsExactly("3", "ok");
        assertThat(last.line()).isEqualTo(4);
        assertThat(reader.next()).isNull();
    }

    @Test
    void anUnclosedQuoteOrAnOverlongRecordEndsTheFile() throws IOException {
        CsvReader unclosed = new CsvReader(new StringReader("a,b\n1,\"never closed\n2,x\n"), 1000);
        unclosed.next();
        assertThatThrownBy(unclosed::next).isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.fatal()).isTrue();
        });
        assertThat(unclosed.next()).isNull();

        CsvReader overlong = new CsvReader(new StringReader("a\n\"" + "x".repeat(50)), 20);
        overlong.next();
        assertThatThrownBy(overlong::next).isInstanceOfSatisfying(CsvReader.CsvFormatException.class,
                e -> assertThat(e.fatal()).isTrue());
    }

    @Test
    void readsAcrossItsBufferBoundary() throws IOException {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",\"line with, comma and \"\"quote\"\" ").append("y".repeat(i % 50)).append("\"\r\n");
        }
        List<CsvReader.Row> rows = all(text.toString());
        assertThat(rows).hasSize(5001);
        assertThat(rows.get(4000).fields().get(1)).isEqualTo("line with, comma and \"quote\" " + "y".repeat(3999 % 50));
        assertThat(rows.get(5000).line()).isEqualTo(5001);
    }
}
