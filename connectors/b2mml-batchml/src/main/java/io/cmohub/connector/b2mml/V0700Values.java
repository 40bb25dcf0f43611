package io.cmohub.connector.b2mml;

import io.cmohub.connector.b2mml.v0700.AnyGenericValueType;
import io.cmohub.connector.b2mml.v0700.CodeType;
import io.cmohub.connector.b2mml.v0700.DateTimeType;
import io.cmohub.connector.b2mml.v0700.IdentifierType;
import io.cmohub.connector.b2mml.v0700.TextType;
import io.cmohub.model.value.InvalidValueException;
import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Reads plain values out of the generated V0700 types, which wrap every value in an element type
 * with attributes. Blank text counts as absent, as {@link io.cmohub.connector.MappedFields} expects.
 */
final class V0700Values {
    private final ZoneId zoneForLocalTimes;

    V0700Values(ZoneId zoneForLocalTimes) {
        this.zoneForLocalTimes = zoneForLocalTimes;
    }

    static String text(IdentifierType id) {
        return id == null ? null : blankToNull(id.getValue());
    }

    static String text(CodeType code) {
        return code == null ? null : blankToNull(code.getValue());
    }

    static String text(TextType text) {
        return text == null ? null : blankToNull(text.getValue());
    }

    static String text(AnyGenericValueType value) {
        return value == null ? null : blankToNull(value.getValue());
    }

    static <T extends CodeType> String text(JAXBElement<T> element) {
        return element == null || element.isNil() ? null : text(element.getValue());
    }

    /** An xsd:dateTime as an instant; one written without offset is read in the configured zone. */
    Instant instant(DateTimeType dateTime) {
        XMLGregorianCalendar value = dateTime == null ? null : dateTime.getValue();
        if (value == null) {
            return null;
        }
        if (value.getXMLSchemaType() != DatatypeConstants.DATETIME) {
            throw new InvalidValueException("'" + value.toXMLFormat() + "' is not a date-time (xsd:dateTime)");
        }
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return value.toGregorianCalendar().toZonedDateTime().toLocalDateTime().atZone(zoneForLocalTimes).toInstant();
        }
        return value.toGregorianCalendar().toZonedDateTime().toInstant();
    }

    /** The calendar date as written (an expiry printed for 2027-06-30 stays that day whatever the offset). */
    static LocalDate date(DateTimeType dateTime) {
        XMLGregorianCalendar value = dateTime == null ? null : dateTime.getValue();
        if (value == null) {
            return null;
        }
        return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    /** Date of an instant in the configured zone, for records that need a day (a quality event's opening). */
    LocalDate day(Instant instant) {
        return ZonedDateTime.ofInstant(instant, zoneForLocalTimes == null ? ZoneOffset.UTC : zoneForLocalTimes).toLocalDate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
