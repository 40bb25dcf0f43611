package io.cmohub.connector.mapping.convert;

import io.cmohub.model.value.Expiry;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The converters every mapping can use. Each is documented by its description; docs/connectors.md lists them. */
public final class BuiltInConverters {
    private static final Pattern ZONE_LETTERS = Pattern.compile("[XxZOVz]");

    private BuiltInConverters() {
    }

    static List<ConverterFactory> all() {
        return List.of(
                simple("trim", "removes leading and trailing white space", v -> text(v).strip()),
                simple("upper", "upper-cases the text", v -> text(v).toUpperCase(Locale.ROOT)),
                simple("lower", "lower-cases the text", v -> text(v).toLowerCase(Locale.ROOT)),
                simple("strip-leading-zeros", "removes leading zeros, as SAP pads material numbers (000000000000123456 → 123456)",
                        v -> text(v).replaceFirst("^0+(?=.)", "")),
                withArgument("prefix", "puts the argument before the value", a -> {
                    String prefix = a.text();
                    return v -> prefix + text(v);
                }),
                withArgument("suffix", "puts the argument after the value", a -> {
                    String suffix = a.text();
                    return v -> text(v) + suffix;
                }),
                withArgument("replace", "replaces every match of a regular expression: {pattern: '^L-', with: ''}", BuiltInConverters::replace),
                withArgument("code-list", "translates a partner code with a code list of the mapping; an unknown code is an error", BuiltInConverters::codeList),
                new Factory("decimal", "reads a decimal number strictly; options decimal-separator (default '.') and grouping-separator "
                        + "(default none; accepted only between groups of three digits before the decimal mark)", BuiltInConverters::decimal),
                simple("decimal-comma", "reads a decimal number written with a decimal comma and dots between thousands (1.234,5); "
                        + "1.20, 12.5 and 12,500.00 are refused, not read as 120, 125 and 12.5", reader(new NumberNotation(',', '.'))),
                withArgument("number", "reads a decimal number as a locale writes it, strictly: number: de-DE (1.234,5) or {locale: fr-CH}",
                        a -> {
                            rejectUnknownOptions(a, Set.of("locale"));
                            String tag = a.option("locale", true);
                            if (tag == null) {
                                throw new IllegalArgumentException("needs a locale, e.g. number: de-DE");
                            }
                            return reader(NumberNotation.ofLocale(tag))::apply;
                        }),
                withArgument("matches", "refuses a value that does not match a Java regular expression as a whole: matches: '[A-Z]{2}[0-9]{5}' "
                        + "or {pattern: ..., message: 'is not a batch number of line 3'}", ValueChecks::matches),
                withArgument("one-of", "refuses a value that is not one of a list: one-of: [RELEASED, BLOCKED] or {values: [...], message: ...}",
                        ValueChecks::oneOf),
                simple("integer", "reads a whole number", v -> {
                    try {
                        return Long.parseLong(text(v).strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + v + "' is not a whole number");
                    }
                }),
                withArgument("multiply", "multiplies a number, e.g. by 1000 to turn kg into g", a -> {
                    BigDecimal factor = number(a.text());
                    return v -> (v instanceof BigDecimal d ? d : number(text(v))).multiply(factor);
                }),
                withArgument("date", "reads a date with a java.time pattern, e.g. dd.MM.yyyy", a -> {
                    DateTimeFormatter format = pattern(a.text());
                    return v -> parse(v, format, LocalDate::from, a.text());
                }),
                withArgument("datetime", "reads a date and time: {pattern: 'dd.MM.yyyy HH:mm', zone: Europe/Berlin}; the zone may be omitted when the pattern has an offset",
                        BuiltInConverters::dateTime),
                simple("gs1-date", "reads a GS1 YYMMDD date as an expiry (day 00 = end of month)", v -> Expiry.parse(text(v).strip())),
                withArgument("expiry-date", "reads a full expiry date with a pattern, e.g. dd.MM.yyyy, and gives its GS1 form; day 00 is the "
                        + "end of the month, as in GS1's YYMMDD (00.06.2027 is 270600)", a -> {
                    DateTimeFormatter format = pattern(a.text());
                    return v -> DayZeroExpiry.read(text(v), format, a.text()).orElseGet(() -> Expiry.of(parse(v, format, LocalDate::from, a.text())));
                }),
                withArgument("expiry-month", "reads a month-only expiry, e.g. MM/yyyy, printed as day 00 (end of month)", a -> {
                    DateTimeFormatter format = pattern(a.text());
                    return v -> {
                        YearMonth month = parse(v, format, YearMonth::from, a.text());
                        return Expiry.parse(String.format("%02d%02d00", month.getYear() % 100, month.getMonthValue()));
                    };
                }),
                new Factory("boolean", "reads yes/no values; {true: [J, ja], false: [N, nein]} replaces the defaults (true/yes/y/1/x and false/no/n/0)",
                        BuiltInConverters::bool),
                simple("pzn-to-ppn", "turns a German PZN (7 or 8 digits) into its PPN (11 + PZN + two check digits), the product code IFA prints",
                        v -> PznToPpn.convert(text(v).strip())));
    }

    private static Function<Object, Object> reader(NumberNotation notation) {
        return v -> v instanceof BigDecimal d ? d : notation.read(text(v));
    }

    private static Converter decimal(ConverterArgument a) {
        rejectUnknownOptions(a, Set.of("decimal-separator", "grouping-separator"));
        return reader(NumberNotation.of(a.option("decimal-separator", true), a.option("grouping-separator", false)))::apply;
    }

    private static Converter replace(ConverterArgument a) {
        rejectUnknownOptions(a, Set.of("pattern", "with"));
        String regex = a.option("pattern", false);
        String with = a.option("with", false);
        if (regex == null || with == null) {
            throw new IllegalArgumentException("needs {pattern: <regular expression>, with: <replacement>}");
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            return v -> pattern.matcher(text(v)).replaceAll(with);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static Converter codeList(ConverterArgument a) {
        String name = a.text();
        Map<String, String> codes = a.codeLists().get(name);
        if (codes == null) {
            throw new IllegalArgumentException("code list '" + name + "' is not defined under code-lists (defined: " + a.codeLists().keySet() + ")");
        }
        return v -> {
            String code = text(v).strip();
            String mapped = codes.get(code);
            if (mapped == null) {
                throw new IllegalArgumentException("'" + code + "' is not in code list '" + name + "' (known codes: " + String.join(", ", new java.util.TreeSet<>(codes.keySet())) + ")");
            }
            return mapped;
        };
    }

    private static Converter dateTime(ConverterArgument a) {
        rejectUnknownOptions(a, Set.of("pattern", "zone"));
        String pattern = a.option("pattern", true);
        String zone = a.option("zone", false);
        if (pattern == null) {
            throw new IllegalArgumentException("needs a pattern, e.g. {pattern: 'dd.MM.yyyy HH:mm', zone: Europe/Berlin}");
        }
        DateTimeFormatter format = pattern(pattern);
        if (zone != null) {
            try {
                format = format.withZone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone '" + zone + "' is not a time zone id (e.g. Europe/Berlin, UTC)");
            }
        } else if (!ZONE_LETTERS.matcher(pattern.replaceAll("'[^']*'", "")).find()) {
            throw new IllegalArgumentException("pattern '" + pattern + "' has no offset, so a zone is needed (e.g. zone: Europe/Berlin): the CMO's local time cannot be guessed");
        }
        DateTimeFormatter formatter = format;
        return v -> parse(v, formatter, Instant::from, pattern);
    }

    private static Converter bool(ConverterArgument a) {
        rejectUnknownOptions(a, Set.of("true", "false"));
        List<String> yes = a.list("true").isEmpty() ? List.of("true", "yes", "y", "1", "x") : a.list("true");
        List<String> no = a.list("false").isEmpty() ? List.of("false", "no", "n", "0") : a.list("false");
        return v -> {
            String value = text(v).strip();
            if (yes.stream().anyMatch(value::equalsIgnoreCase)) {
                return Boolean.TRUE;
            }
            if (no.stream().anyMatch(value::equalsIgnoreCase)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("'" + value + "' is neither yes " + yes + " nor no " + no);
        };
    }

    private static void rejectUnknownOptions(ConverterArgument a, Set<String> known) {
        for (String key : a.keys()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("has no option '" + key + "' (options: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        try {
            // 'u' (proleptic year) instead of 'y' (year of era): STRICT resolution refuses 'y' without an era.
            return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a date/time pattern: " + e.getMessage());
        }
    }

    private static <T> T parse(Object v, DateTimeFormatter format, java.time.temporal.TemporalQuery<T> query, String pattern) {
        String value = text(v).strip();
        try {
            return format.parse(value, query);
        } catch (DateTimeParseException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // the innermost cause says what is wrong ("Invalid value for MonthOfYear (valid values 1 - 12): 13")
            throw new IllegalArgumentException("'" + value + "' does not match the pattern " + pattern + (root != e ? " (" + root.getMessage() + ")" : ""));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date for the pattern " + pattern + ": " + e.getMessage());
        }
    }

    private static BigDecimal number(String text) {
        return number(text, text);
    }

    private static BigDecimal number(String text, String original) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is not a decimal number");
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : String.valueOf(value);
    }

    private static ConverterFactory simple(String name, String description, Function<Object, Object> function) {
        return new Factory(name, description, a -> {
            if (!a.isAbsent()) {
                throw new IllegalArgumentException("takes no argument");
            }
            return function::apply;
        });
    }

    private static ConverterFactory withArgument(String name, String description, Function<ConverterArgument, Converter> create) {
        return new Factory(name, description, a -> {
            if (a.isAbsent()) {
                throw new IllegalArgumentException("needs an argument: " + description);
            }
            return create.apply(a);
        });
    }

    private record Factory(String name, String description, Function<ConverterArgument, Converter> create) implements ConverterFactory {
        @Override
        public Converter create(ConverterArgument argument) {
            return create.apply(argument);
        }
    }
}
