package com.ibportal.payouts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** A partner's statement as a PDF (OpenPDF): header, opening balance, a section per rule and level, clawbacks, total. */
final class StatementPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 7, Font.NORMAL, Color.DARK_GRAY);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private StatementPdf() {
    }

    static byte[] render(StatementDetails s, String brokerName, Instant generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Statement " + s.id() + " " + s.partnerCode() + " " + s.period());
        document.addCreator("IB Portal");
        document.open();
        document.add(new Paragraph(brokerName, HEADING));
        document.add(new Paragraph("Commission statement " + s.period(), TITLE));
        Paragraph who = new Paragraph("Partner: " + s.partnerCode() + (s.partnerName() == null ? "" : " — " + s.partnerName())
                + "\nStatement #" + s.id() + " · status " + s.status() + " · currency " + s.currency()
                + "\nGenerated " + WHEN.format(generatedAt), TEXT);
        who.setSpacingAfter(10);
        document.add(who);

        PdfPTable summary = table(new float[]{3, 1});
        keyValue(summary, "Opening balance (carried in)", money(s.openingBalance(), s.currency()), false);
        for (StatementSection section : s.sections()) {
            keyValue(summary, section.title() + " · " + section.lineCount() + (section.lineCount() == 1 ? " line" : " lines"),
                    money(section.amount(), s.currency()), false);
        }
        keyValue(summary, "Total", money(s.total(), s.currency()), true);
        document.add(summary);
        if (s.status() == StatementStatus.CARRIED) {
            document.add(new Paragraph("This total is negative or under the minimum payout: it is carried forward as the next "
                    + "period's opening balance.", SMALL));
        }
        if (s.paymentReference() != null) {
            document.add(new Paragraph("Paid on " + s.paidOn() + ", reference " + s.paymentReference(), TEXT));
        }

        for (StatementSection section : s.sections()) {
            Paragraph heading = new Paragraph(section.title(), HEADING);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(4);
            document.add(heading);
            List<StatementLine> lines = s.lines().stream().filter(l -> section.clawbacks() ? l.clawback()
                    : !l.clawback() && l.rule().equals(section.rule()) && l.level() == section.level()).toList();
            PdfPTable table = table(new float[]{2.2f, 1.6f, 5.2f, 1.6f});
            header(table, "Date", "Client", "Explanation", "Amount");
            for (StatementLine l : lines) {
                cell(table, WHEN.format(l.occurredAt()), Element.ALIGN_LEFT, SMALL);
                cell(table, l.clientId() == null ? "" : l.clientId(), Element.ALIGN_LEFT, SMALL);
                cell(table, l.explanation(), Element.ALIGN_LEFT, SMALL);
                cell(table, l.amount().toPlainString(), Element.ALIGN_RIGHT, TEXT);
            }
            cell(table, "", Element.ALIGN_LEFT, TEXT);
            cell(table, "", Element.ALIGN_LEFT, TEXT);
            cell(table, "Section total", Element.ALIGN_RIGHT, BOLD);
            cell(table, section.amount().toPlainString(), Element.ALIGN_RIGHT, BOLD);
            document.add(table);
        }
        document.add(new Paragraph(new Chunk("Lines carry 4 decimals; the total is rounded half-even to 2.", SMALL)));
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell cell = new PdfPCell(new Phrase(title, BOLD));
            cell.setBackgroundColor(new Color(235, 238, 242));
            cell.setBorder(Rectangle.BOTTOM);
            table.addCell(cell);
        }
    }

    private static void keyValue(PdfPTable table, String key, String value, boolean strong) {
        cell(table, key, Element.ALIGN_LEFT, strong ? HEADING : TEXT);
        cell(table, value, Element.ALIGN_RIGHT, strong ? HEADING : TEXT);
    }

    private static void cell(PdfPTable table, String text, int align, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(220, 220, 220));
        cell.setPadding(3);
        table.addCell(cell);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }
}
