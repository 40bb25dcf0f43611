package io.cmohub.connector.animl;

import io.cmohub.model.value.InvalidValueException;
import java.util.List;

/**
 * Where a sample's batch or product id is found, as configured: {@code parameter:<name>} (a
 * Parameter of the Sample, at any Category depth), {@code sample-name}, {@code sample-id}, or (for
 * the product only) {@code fixed:<id>} for a document that is about one product.
 */
record SampleField(String property, Kind kind, String argument) {
    enum Kind { PARAMETER, SAMPLE_NAME, SAMPLE_ID, FIXED }

    static SampleField parse(String property, String text, boolean fixedAllowed, List<String> problems) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("parameter:") && value.length() > "parameter:".length()) {
            return new SampleField(property, Kind.PARAMETER, value.substring("parameter:".length()).strip());
        }
        if (value.equals("sample-name")) {
            return new SampleField(property, Kind.SAMPLE_NAME, null);
        }
        if (value.equals("sample-id")) {
            return new SampleField(property, Kind.SAMPLE_ID, null);
        }
        if (fixedAllowed && value.startsWith("fixed:") && value.length() > "fixed:".length()) {
            return new SampleField(property, Kind.FIXED, value.substring("fixed:".length()).strip());
        }
        problems.add("'" + property + "' must be parameter:<name>, sample-name, sample-id" + (fixedAllowed ? " or fixed:<id>" : "") + ", got '" + value + "'");
        return null;
    }

    /** The raw id for {@code sample}, or an {@link InvalidValueException} saying where it was looked for. */
    String read(AnimlModel.Sample sample) {
        String value = switch (kind) {
            case PARAMETER -> parameter(sample.parameters, sample.categories);
            case SAMPLE_NAME -> sample.name;
            case SAMPLE_ID -> sample.sampleID;
            case FIXED -> argument;
        };
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("sample '" + sample.sampleID + "' has no " + (kind == Kind.PARAMETER ? "parameter '" + argument + "'"
                    : kind == Kind.SAMPLE_NAME ? "name" : "id") + " (" + property + ")");
        }
        return value.strip();
    }

    private String parameter(List<AnimlModel.Parameter> parameters, List<AnimlModel.Category> categories) {
        for (AnimlModel.Parameter parameter : parameters) {
            if (argument.equals(parameter.name)) {
                return parameter.value();
            }
        }
        for (AnimlModel.Category category : categories) {
            String found = parameter(category.parameters, category.categories);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
