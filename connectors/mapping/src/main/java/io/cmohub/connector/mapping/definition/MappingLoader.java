package io.cmohub.connector.mapping.definition;

import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.mapping.convert.Converter;
import io.cmohub.connector.mapping.convert.ConverterArgument;
import io.cmohub.connector.mapping.convert.ConverterFactory;
import io.cmohub.connector.mapping.convert.ConverterRegistry;
import io.cmohub.connector.mapping.canonical.CanonicalShape;
import io.cmohub.model.EntityType;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a mapping file and checks everything that can be checked before a document arrives: known
 * keys, canonical field paths, converter names and arguments, code lists, patterns. Every problem
 * is reported with its line, all at once. SnakeYAML's node tree is used (not a data binding) because
 * it keeps the line of every key.
 */
public final class MappingLoader {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "description", "source", "error-policy", "code-lists", "skip", "records");
    private static final Set<String> FIELD_KEYS = Set.of("from", "concat", "separator", "const", "default", "required", "split", "convert");
    private static final Set<String> CONDITION_KEYS = Set.of("from", "equals", "in", "matches", "blank");

    private final ConverterRegistry converters;

    public MappingLoader(ConverterRegistry converters) {
        this.converters = converters;
    }

    /** Loads a mapping; throws {@link InvalidMappingException} naming every problem with its line. */
    public MappingDefinition load(Reader yaml, String origin) {
        Problems problems = new Problems();
        Node root;
        try {
            root = new Yaml(options()).compose(yaml);
        } catch (YAMLException e) {
            throw new InvalidMappingException(origin, List.of("not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        if (!(root instanceof MappingNode top)) {
            throw new InvalidMappingException(origin, List.of("line 1: a mapping file is a YAML map with id, title, description, source and records"));
        }
        Map<String, NodeTuple> keys = keys(top, TOP_KEYS, "mapping", problems);
        String id = scalar(keys, "id", true, problems);
        if (id != null && !KEBAB.matcher(id).matches()) {
            problems.at(keys.get("id").getValueNode(), "id '" + id + "' must be kebab-case (lower-case words joined by '-'), e.g. acme-batch-records");
        }
        String title = scalar(keys, "title", true, problems);
        String description = scalar(keys, "description", true, problems);
        SourceSpec source = keys.containsKey("source") ? source(keys.get("source").getValueNode(), problems) : null;
        if (source == null && !keys.containsKey("source")) {
            problems.at(top, "'source' is missing: how are records read (format: csv, json or xml)?");
        }
        ErrorPolicy policy = errorPolicy(keys, problems);
        Map<String, Map<String, String>> codeLists = codeLists(keys.get("code-lists"), problems);
        Condition skip = keys.containsKey("skip") ? condition(keys.get("skip").getValueNode(), problems) : null;
        List<OutputMapping> outputs = new ArrayList<>();
        if (!keys.containsKey("records")) {
            problems.at(top, "'records' is missing: which canonical records does a source record become?");
        } else if (keys.get("records").getValueNode() instanceof SequenceNode list && !list.getValue().isEmpty()) {
            for (Node output : list.getValue()) {
                OutputMapping mapping = output(output, codeLists, problems);
                if (mapping != null) {
                    outputs.add(mapping);
                }
            }
        } else {
            problems.at(keys.get("records").getValueNode(), "'records' must be a non-empty list of {entity, fields}");
        }
        problems.throwIfAny(origin);
        return new MappingDefinition(id, title, description, origin, source, policy, codeLists, skip, outputs);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // mapping files are small and written by people: refuse alias bombs and absurd nesting outright
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private SourceSpec source(Node node, Problems problems) {
        Map<String, NodeTuple> keys = keys(node, Set.of("format", "encoding", "delimiter", "quote", "header", "records", "lines", "record"), "source", problems);
        if (keys == null) {
            return null;
        }
        String format = scalar(keys, "format", true, problems);
        Charset encoding = charset(keys, problems);
        if (format == null) {
            return null;
        }
        Set<String> allowed = switch (format) {
            case "csv" -> Set.of("format", "encoding", "delimiter", "quote", "header");
            case "json" -> Set.of("format", "encoding", "records", "lines");
            case "xml" -> Set.of("format", "encoding", "record");
            default -> null;
        };
        if (allowed == null) {
            problems.at(keys.get("format").getValueNode(), "format '" + format + "' is not one of csv, json, xml");
            return null;
        }
        keys.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problems.at(tuple.getKeyNode(), "'" + key + "' does not apply to format " + format + " (keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
        return switch (format) {
            case "csv" -> new SourceSpec.Csv(encoding == null ? StandardCharsets.UTF_8 : encoding, character(keys, "delimiter", ',', problems),
                    character(keys, "quote", '"', problems), strings(keys.get("header"), problems));
            case "json" -> {
                String records = scalar(keys, "records", false, problems);
                if (records != null && !records.isEmpty() && !records.startsWith("/")) {
                    problems.at(keys.get("records").getValueNode(), "records '" + records + "' must be a JSON pointer starting with '/', e.g. /batches");
                }
                // JSON is read as the parser detects it (UTF-8, -16 or -32, RFC 8259): any other encoding would be ignored, so it is refused
                if (encoding != null && !encoding.name().startsWith("UTF-")) {
                    problems.at(keys.get("encoding").getValueNode(), "JSON is read as UTF-8, UTF-16 or UTF-32 (RFC 8259), detected from its bytes;"
                            + " encoding " + encoding.name() + " is not supported for JSON: have the export written in UTF-8");
                }
                yield new SourceSpec.Json(encoding == null ? StandardCharsets.UTF_8 : encoding, records == null ? "" : records,
                        bool(keys, "lines", problems));
            }
            default -> {
                String record = scalar(keys, "record", true, problems);
                yield new SourceSpec.Xml(encoding, record == null ? "" : record);
            }
        };
    }

    private OutputMapping output(Node node, Map<String, Map<String, String>> codeLists, Problems problems) {
        Map<String, NodeTuple> keys = keys(node, Set.of("entity", "when", "fields"), "records entry", problems);
        if (keys == null) {
            return null;
        }
        String entityName = scalar(keys, "entity", true, problems);
        EntityType entity = null;
        if (entityName != null) {
            entity = Arrays.stream(EntityType.values()).filter(e -> e.wireName().equals(entityName)).findFirst().orElse(null);
            if (entity == null) {
                problems.at(keys.get("entity").getValueNode(), "entity '" + entityName + "' is not a canonical entity (one of "
                        + Arrays.stream(EntityType.values()).map(EntityType::wireName).toList() + ")");
            }
        }
        Condition when = keys.containsKey("when") ? condition(keys.get("when").getValueNode(), problems) : null;
        List<FieldMapping> fields = new ArrayList<>();
        if (!(keys.containsKey("fields") && keys.get("fields").getValueNode() instanceof MappingNode fieldMap)) {
            problems.at(node, "a records entry needs 'fields': canonical field → source");
            return null;
        }
        for (NodeTuple tuple : fieldMap.getValue()) {
            String target = text(tuple.getKeyNode());
            if (entity != null) {
                try {
                    CanonicalShape.resolve(entity, target);
                } catch (IllegalArgumentException e) {
                    problems.at(tuple.getKeyNode(), "unknown canonical field '" + target + "' of " + entity.wireName() + ": " + e.getMessage());
                    continue;
                }
            }
            FieldMapping field = field(target, tuple.getValueNode(), codeLists, problems);
            if (field != null) {
                fields.add(field);
            }
        }
        return entity == null ? null : new OutputMapping(entity, when, fields, line(node));
    }

    private FieldMapping field(String target, Node node, Map<String, Map<String, String>> codeLists, Problems problems) {
        if (node instanceof ScalarNode scalar) {
            return new FieldMapping(target, scalar.getValue(), null, null, null, null, false, null, List.of(), line(node));
        }
        Map<String, NodeTuple> keys = keys(node, FIELD_KEYS, "field '" + target + "'", problems);
        if (keys == null) {
            return null;
        }
        String from = scalar(keys, "from", false, problems);
        List<String> concat = keys.containsKey("concat") ? strings(keys.get("concat"), problems) : null;
        String constant = scalar(keys, "const", false, problems);
        int sources = (from == null ? 0 : 1) + (concat == null ? 0 : 1) + (constant == null ? 0 : 1);
        if (sources != 1) {
            problems.at(node, "field '" + target + "' needs exactly one of from, concat or const");
        }
        List<Converter> chain = new ArrayList<>();
        if (keys.containsKey("convert")) {
            Node convert = keys.get("convert").getValueNode();
            List<Node> steps = convert instanceof SequenceNode list ? list.getValue() : List.of(convert);
            for (Node step : steps) {
                Converter converter = converter(step, codeLists, problems);
                if (converter != null) {
                    chain.add(converter);
                }
            }
        }
        String separator = scalar(keys, "separator", false, problems);
        return new FieldMapping(target, from, concat, separator == null ? "" : separator, constant, scalar(keys, "default", false, problems),
                bool(keys, "required", problems), scalar(keys, "split", false, problems), chain, line(node));
    }

    private Converter converter(Node step, Map<String, Map<String, String>> codeLists, Problems problems) {
        String name;
        Object argument = null;
        if (step instanceof ScalarNode scalar) {
            name = scalar.getValue();
        } else if (step instanceof MappingNode map && map.getValue().size() == 1) {
            name = text(map.getValue().get(0).getKeyNode());
            argument = plain(map.getValue().get(0).getValueNode());
        } else {
            problems.at(step, "a converter is a name (trim) or a name with its argument ({date: dd.MM.yyyy})");
            return null;
        }
        ConverterFactory factory = converters.find(name).orElse(null);
        if (factory == null) {
            problems.at(step, "unknown converter '" + name + "' (known: " + String.join(", ", converters.names()) + ")");
            return null;
        }
        try {
            return factory.create(new ConverterArgument(argument, codeLists));
        } catch (IllegalArgumentException e) {
            problems.at(step, "converter '" + name + "' " + e.getMessage());
            return null;
        }
    }

    private Condition condition(Node node, Problems problems) {
        Map<String, NodeTuple> keys = keys(node, CONDITION_KEYS, "condition", problems);
        if (keys == null) {
            return null;
        }
        String from = scalar(keys, "from", true, problems);
        String equalsValue = scalar(keys, "equals", false, problems);
        List<String> in = keys.containsKey("in") ? strings(keys.get("in"), problems) : null;
        String regex = scalar(keys, "matches", false, problems);
        Boolean blank = keys.containsKey("blank") ? bool(keys, "blank", problems) : null;
        int tests = (equalsValue == null ? 0 : 1) + (in == null ? 0 : 1) + (regex == null ? 0 : 1) + (blank == null ? 0 : 1);
        if (tests != 1) {
            problems.at(node, "a condition needs 'from' and exactly one of equals, in, matches or blank");
            return null;
        }
        Pattern pattern = null;
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.at(keys.get("matches").getValueNode(), "'" + regex + "' is not a regular expression: " + e.getDescription());
                return null;
            }
        }
        return new Condition(from, equalsValue, in, pattern, blank, line(node));
    }

    private static Map<String, Map<String, String>> codeLists(NodeTuple tuple, Problems problems) {
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        if (tuple == null) {
            return lists;
        }
        if (!(tuple.getValueNode() instanceof MappingNode map)) {
            problems.at(tuple.getValueNode(), "code-lists is a map of named lists: {status: {FREI: RELEASED}}");
            return lists;
        }
        for (NodeTuple list : map.getValue()) {
            Map<String, String> codes = new LinkedHashMap<>();
            if (list.getValueNode() instanceof MappingNode entries) {
                for (NodeTuple entry : entries.getValue()) {
                    codes.put(text(entry.getKeyNode()), text(entry.getValueNode()));
                }
            } else {
                problems.at(list.getValueNode(), "code list '" + text(list.getKeyNode()) + "' must map partner codes to canonical codes");
            }
            lists.put(text(list.getKeyNode()), codes);
        }
        return lists;
    }

    private static ErrorPolicy errorPolicy(Map<String, NodeTuple> keys, Problems problems) {
        String value = scalar(keys, "error-policy", false, problems);
        if (value == null || value.equals("reject-document")) {
            return ErrorPolicy.REJECT_DOCUMENT;
        }
        if (value.equals("accept-valid")) {
            return ErrorPolicy.ACCEPT_VALID;
        }
        problems.at(keys.get("error-policy").getValueNode(), "error-policy '" + value + "' is not reject-document or accept-valid");
        return ErrorPolicy.REJECT_DOCUMENT;
    }

    private static Charset charset(Map<String, NodeTuple> keys, Problems problems) {
        String name = scalar(keys, "encoding", false, problems);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            problems.at(keys.get("encoding").getValueNode(), "encoding '" + name + "' is not a character set this Java knows");
            return null;
        }
    }

    private static char character(Map<String, NodeTuple> keys, String key, char fallback, Problems problems) {
        String value = scalar(keys, key, false, problems);
        if (value == null) {
            return fallback;
        }
        String unescaped = value.equals("\\t") || value.equals("tab") ? "\t" : value;
        if (unescaped.length() != 1) {
            problems.at(keys.get(key).getValueNode(), key + " must be one character (or tab), got '" + value + "'");
            return fallback;
        }
        return unescaped.charAt(0);
    }

    private static boolean bool(Map<String, NodeTuple> keys, String key, Problems problems) {
        String value = scalar(keys, key, false, problems);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problems.at(keys.get(key).getValueNode(), key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> strings(NodeTuple tuple, Problems problems) {
        if (tuple == null) {
            return List.of();
        }
        if (tuple.getValueNode() instanceof SequenceNode list && list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            return list.getValue().stream().map(MappingLoader::text).toList();
        }
        problems.at(tuple.getValueNode(), "'" + text(tuple.getKeyNode()) + "' must be a list of values, e.g. [A, B]");
        return List.of();
    }

    private static String scalar(Map<String, NodeTuple> keys, String key, boolean required, Problems problems) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            if (required) {
                problems.missing(key);
            }
            return null;
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.at(tuple.getValueNode(), "'" + key + "' must be a single value");
        return null;
    }

    private static Map<String, NodeTuple> keys(Node node, Set<String> allowed, String what, Problems problems) {
        if (!(node instanceof MappingNode map)) {
            problems.at(node, what + " must be a map of keys (" + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            return null;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        problems.context(node);
        for (NodeTuple tuple : map.getValue()) {
            String key = text(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                problems.at(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            } else {
                keys.put(key, tuple);
            }
        }
        return keys;
    }

    private static Object plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode list) {
            return list.getValue().stream().map(MappingLoader::plain).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(text(tuple.getKeyNode()), plain(tuple.getValueNode()));
        }
        return map;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(plain(node));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** Problems with their lines, in file order. */
    private static final class Problems {
        private final List<String> list = new ArrayList<>();
        private Node context;

        void context(Node node) {
            context = node;
        }

        void at(Node node, String message) {
            list.add("line " + line(node) + ": " + message);
        }

        void missing(String key) {
            list.add("line " + (context == null ? 1 : line(context)) + ": '" + key + "' is missing");
        }

        void throwIfAny(String origin) {
            if (!list.isEmpty()) {
                throw new InvalidMappingException(origin, list);
            }
        }
    }
}
