package io.cmohub.model.codec;

/**
 * Bounds applied to every JSON and XML document the hub parses, so that hostile input (deep
 * nesting, giant strings or names, entity tricks, endless documents) fails fast with a reason
 * instead of exhausting memory. The defaults fit real CMO exports with a wide margin; the intake
 * size cap of the gateway bounds the document as a whole.
 *
 * @param maxNestingDepth   JSON nesting / XML element depth
 * @param maxStringLength   one JSON string or XML text/attribute value, in characters
 * @param maxNameLength     one JSON property name or XML element/attribute name
 * @param maxNumberLength   one JSON number literal, in characters
 * @param maxDocumentBytes  one whole document
 * @param maxAttributesPerElement XML attributes on one element
 */
public record CodecLimits(int maxNestingDepth, int maxStringLength, int maxNameLength, int maxNumberLength,
                          long maxDocumentBytes, int maxAttributesPerElement) {

    public static final CodecLimits DEFAULT = new CodecLimits(64, 1_000_000, 1_000, 100, 4L * 1024 * 1024 * 1024, 100);

    public CodecLimits {
        if (maxNestingDepth < 1 || maxStringLength < 1 || maxNameLength < 1 || maxNumberLength < 1 || maxDocumentBytes < 1
                || maxAttributesPerElement < 1) {
            throw new IllegalArgumentException("codec limits must be positive");
        }
    }
}
