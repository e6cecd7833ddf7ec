package org.parkhub.delivery;

import java.util.regex.Pattern;

/**
 * Keeps outbound CSV cells from running as spreadsheet formulas (CSV injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which Excel and WPS show as text.
 * Plain numbers such as {@code -10} are left alone: they are data, and the receiver reads them as numbers.
 */
public final class FormulaGuard {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private FormulaGuard() {
    }

    public static String neutralise(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
