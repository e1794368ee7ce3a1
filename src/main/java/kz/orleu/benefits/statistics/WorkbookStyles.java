package kz.orleu.benefits.statistics;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of the workbook, created once per workbook (a workbook holds at most 64,000 styles). */
final class WorkbookStyles {

    static final String FONT = "Arial";
    static final String COUNT_FORMAT = "#,##0;-#,##0;\"–\"";
    static final String SHARE_FORMAT = "0.0%;-0.0%;\"–\"";
    static final String PERCENT_FORMAT = "0.0%";
    static final String DECIMAL_FORMAT = "0.0";
    static final String AMOUNT_FORMAT = "#,##0.00";

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle note;
    final CellStyle header;
    final CellStyle label;
    final CellStyle labelBold;
    /** A label wrapped into the width of a column it must not widen (the pie's categories). */
    final CellStyle labelWrapped;
    private final Map<Value.Kind, CellStyle> plain = new EnumMap<>(Value.Kind.class);
    private final Map<Value.Kind, CellStyle> bold = new EnumMap<>(Value.Kind.class);

    private final String formatLocale;

    WorkbookStyles(Workbook workbook, Language language) {
        formatLocale = language.formatLocale();
        Font regular = font(workbook, false, false, 10);
        Font strong = font(workbook, true, false, 10);
        DataFormat formats = workbook.createDataFormat();

        title = workbook.createCellStyle();
        title.setFont(font(workbook, true, false, 12));
        subtitle = workbook.createCellStyle();
        subtitle.setFont(font(workbook, false, true, 9));
        note = workbook.createCellStyle();
        note.setFont(font(workbook, false, true, 9));
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);

        header = bordered(workbook, strong);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        label = bordered(workbook, regular);
        labelBold = bordered(workbook, strong);
        labelWrapped = bordered(workbook, regular);
        labelWrapped.setWrapText(true);
        labelWrapped.setVerticalAlignment(VerticalAlignment.TOP);
        for (Value.Kind kind : Value.Kind.values()) {
            plain.put(kind, valueStyle(workbook, formats, regular, kind));
            bold.put(kind, valueStyle(workbook, formats, strong, kind));
        }
    }

    /** The style of a table cell; {@code total} rows are bold. */
    CellStyle of(Value value, boolean total) {
        return (total ? bold : plain).get(value.kind());
    }

    private CellStyle valueStyle(Workbook workbook, DataFormat formats, Font font, Value.Kind kind) {
        CellStyle style = bordered(workbook, font);
        switch (kind) {
            case COUNT:
            case TENGE:
                style.setDataFormat(formats.getFormat(formatLocale + COUNT_FORMAT));
                break;
            case AMOUNT:
                style.setDataFormat(formats.getFormat(formatLocale + AMOUNT_FORMAT));
                break;
            case SHARE:
                style.setDataFormat(formats.getFormat(formatLocale + SHARE_FORMAT));
                break;
            case PERCENT:
                style.setDataFormat(formats.getFormat(formatLocale + PERCENT_FORMAT));
                break;
            case DECIMAL:
                style.setDataFormat(formats.getFormat(formatLocale + DECIMAL_FORMAT));
                break;
            case SUPPRESSED:
            case NOT_APPLICABLE:
                style.setAlignment(HorizontalAlignment.RIGHT);
                break;
            default:
                break;
        }
        return style;
    }

    private static CellStyle bordered(Workbook workbook, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static Font font(Workbook workbook, boolean bold, boolean italic, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }
}
