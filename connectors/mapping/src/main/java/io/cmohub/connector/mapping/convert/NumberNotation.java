package io.cmohub.connector.mapping.convert;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a CMO writes numbers: its decimal mark and, if any, the mark between groups of thousands. Reading
 * is strict, because a number read wrongly is worse than one refused: the grouping mark is accepted
 * only between groups of exactly three digits before the decimal mark, the decimal mark at most once,
 * and nothing else but digits and a leading sign. So with a decimal comma and dots between thousands,
 * {@code 1.234,5} is 1234.5, while {@code 1.20}, {@code 12.5} and {@code 12,500.00} (a CMO writing
 * decimal points) are refused, quoting the value, instead of read as 120, 125 and 12.5.
 */
public record NumberNotation(char decimalMark, Character groupingMark) {

    public NumberNotation {
        if (Character.isDigit(decimalMark) || decimalMark == '-' || decimalMark == '+') {
            throw new IllegalArgumentException("'" + decimalMark + "' cannot be a decimal mark");
        }
        if (groupingMark != null && (groupingMark == decimalMark || Character.isDigit(groupingMark) || groupingMark == '-' || groupingMark == '+')) {
            throw new IllegalArgumentException("'" + groupingMark + "' cannot be the grouping mark when '" + decimalMark + "' is the decimal mark");
        }
    }

    /** From a mapping's options: each a single character ({@code tab} and {@code space} may be written out); no grouping mark when absent. */
    static NumberNotation of(String decimal, String grouping) {
        return new NumberNotation(decimal == null ? '.' : mark(decimal, "decimal-separator"), grouping == null ? null : mark(grouping, "grouping-separator"));
    }

    /** The notation of a locale, e.g. {@code de-DE} (decimal comma, dots between thousands) or {@code en-GB}. */
    static NumberNotation ofLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty() || !Arrays.asList(DecimalFormatSymbols.getAvailableLocales()).contains(locale)) {
            throw new IllegalArgumentException("'" + tag + "' is not a locale this Java knows, e.g. de-DE, fr-FR, en-GB");
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        return new NumberNotation(symbols.getDecimalSeparator(), symbols.getGroupingSeparator());
    }

    private static char mark(String option, String name) {
        String mark = switch (option) {
            case "space" -> " ";
            case "tab" -> "\t";
            default -> option;
        };
        if (mark.length() != 1) {
            throw new IllegalArgumentException(name + " is one character, was '" + option + "'");
        }
        return mark.charAt(0);
    }

    /** The number as written, or a refusal that quotes it and says how this notation writes numbers. */
    public BigDecimal read(String raw) {
        String value = raw.strip();
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        int decimalAt = -1;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == decimalMark) {
                if (decimalAt >= 0) {
                    throw refused(raw, "has the decimal mark '" + decimalMark + "' twice");
                }
                decimalAt = i;
            } else if (groupingMark != null && c == groupingMark) {
                if (decimalAt >= 0) {
                    throw refused(raw, "has the grouping mark '" + groupingMark + "' after the decimal mark '" + decimalMark + "'");
                }
            } else if (c < '0' || c > '9') {
                throw refused(raw, "has " + describe(c) + " at position " + (i + 1));
            }
        }
        String whole = decimalAt < 0 ? value.substring(start) : value.substring(start, decimalAt);
        String fraction = decimalAt < 0 ? "" : value.substring(decimalAt + 1);
        if (whole.isEmpty() || (decimalAt >= 0 && fraction.isEmpty())) {
            throw refused(raw, "needs digits on both sides of the decimal mark '" + decimalMark + "'");
        }
        if (groupingMark != null && whole.indexOf(groupingMark) >= 0) {
            String[] groups = whole.split(java.util.regex.Pattern.quote(groupingMark.toString()), -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                throw refused(raw, "starts with a group of " + groups[0].length() + " digits before the grouping mark '" + groupingMark + "'");
            }
            for (int g = 1; g < groups.length; g++) {
                if (groups[g].length() != 3) {
                    throw refused(raw, "has a group of " + groups[g].length() + " digits after the grouping mark '" + groupingMark
                            + "'; thousands are grouped by three before the decimal mark '" + decimalMark + "'");
                }
            }
            whole = String.join("", groups);
        }
        return new BigDecimal((value.startsWith("-") ? "-" : "") + whole + (fraction.isEmpty() ? "" : "." + fraction));
    }

    /** How this notation writes one thousand two hundred and thirty-four and a half. */
    public String example() {
        return "1" + (groupingMark == null ? "" : groupingMark.toString()) + "234" + decimalMark + "5";
    }

    private IllegalArgumentException refused(String raw, String why) {
        return new IllegalArgumentException("'" + raw + "' is not a number written as " + example() + ": it " + why);
    }

    private static String describe(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
    }
}
