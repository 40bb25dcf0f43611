package io.cmohub.connector.animl;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the AnIML core schema (draft 0.90) this connector binds, one Sample or one
 * ExperimentStep at a time. Values stay text and are converted by the mapper, so a malformed
 * number is reported against its series instead of being dropped by JAXB. Elements not listed here
 * (audit trail, signatures, method details) are not read.
 */
final class AnimlModel {
    static final String NAMESPACE = "urn:org:astm:animl:schema:core:draft:0.90";

    private AnimlModel() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Sample {
        @XmlAttribute String sampleID;
        @XmlAttribute String name;
        @XmlElement(name = "Parameter") List<Parameter> parameters = new ArrayList<>();
        @XmlElement(name = "Category") List<Category> categories = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Category {
        @XmlAttribute String name;
        @XmlElement(name = "Parameter") List<Parameter> parameters = new ArrayList<>();
        @XmlElement(name = "Category") List<Category> categories = new ArrayList<>();
    }

    /** A named value; one of the typed value elements is set. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Parameter {
        @XmlAttribute String name;
        @XmlElement(name = "S") String s;
        @XmlElement(name = "I") String i;
        @XmlElement(name = "L") String l;
        @XmlElement(name = "F") String f;
        @XmlElement(name = "D") String d;
        @XmlElement(name = "Boolean") String bool;

        String value() {
            for (String v : new String[] {s, i, l, f, d, bool}) {
                if (v != null) {
                    return v.strip();
                }
            }
            return null;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ExperimentStep {
        @XmlAttribute String name;
        @XmlAttribute String experimentStepID;
        @XmlElement(name = "Technique") Technique technique;
        @XmlElement(name = "Infrastructure") Infrastructure infrastructure;
        @XmlElement(name = "Result") List<Result> results = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Technique {
        @XmlAttribute String name;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Infrastructure {
        @XmlElement(name = "SampleReferenceSet") SampleReferenceSet sampleReferences;
        @XmlElement(name = "Timestamp") String timestamp;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class SampleReferenceSet {
        @XmlElement(name = "SampleReference") List<SampleReference> references = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class SampleReference {
        @XmlAttribute String sampleID;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Result {
        @XmlAttribute String name;
        @XmlElement(name = "SeriesSet") SeriesSet seriesSet;
        /** Series written directly in the Result, as pyAnIML does for the index series. */
        @XmlElement(name = "Series") List<Series> series = new ArrayList<>();
        @XmlElement(name = "Category") List<Category> categories = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class SeriesSet {
        @XmlAttribute String name;
        @XmlAttribute String length;
        @XmlElement(name = "Series") List<Series> series = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Series {
        @XmlAttribute String name;
        @XmlAttribute String dependency;
        @XmlAttribute String seriesType;
        @XmlElement(name = "Unit") Unit unit;
        @XmlElement(name = "IndividualValueSet") IndividualValueSet individual;
        @XmlElement(name = "AutoIncrementedValueSet") AutoIncrementedValueSet autoIncremented;
        @XmlElement(name = "EncodedValueSet") EncodedValueSet encoded;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Unit {
        @XmlAttribute String label;
    }

    /** A series holds one type, so the values of each type element keep their order. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class IndividualValueSet {
        @XmlElement(name = "I") List<String> ints = new ArrayList<>();
        @XmlElement(name = "L") List<String> longs = new ArrayList<>();
        @XmlElement(name = "F") List<String> floats = new ArrayList<>();
        @XmlElement(name = "D") List<String> doubles = new ArrayList<>();
        @XmlElement(name = "S") List<String> strings = new ArrayList<>();
        @XmlElement(name = "Boolean") List<String> booleans = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AutoIncrementedValueSet {
        @XmlElement(name = "StartValue") Parameter start;
        @XmlElement(name = "Increment") Parameter increment;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class EncodedValueSet {
    }
}
