package io.cmohub.connector.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.value.InvalidValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpcisTimestampTest {

    /** The quick reading of the common form must agree with java.time's parser on every input. */
    @Test
    void theCommonFormIsReadAsJavaTimeReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 18 * 4) * 900));
            String[] notations = {
                t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")),
                t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")),
                t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")),
            };
            for (String text : notations) {
                assertThat(EpcisTimestamp.parse("eventTime", text)).as(text)
                        .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999999999+18:00", "2023-12-31T00:00:00-18:00", "0001-01-01T00:00:00Z", " 2005-04-04T20:33:31.116-06:00 "})
    void edgesOfTheCommonForm(String text) {
        assertThat(EpcisTimestamp.parse("eventTime", text)).isEqualTo(OffsetDateTime.parse(text.strip()).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2023-13-01T10:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T10:00:00+18:30",
        "2023-01-01T10:00:00.1234567891Z", "2023-01-01T10:00:00+0100", "2023-01-01 10:00:00Z", "2023-01-01T10:00:60Z"})
    void whatJavaTimeRefusesIsRefused(String text) {
        assertThatThrownBy(() -> EpcisTimestamp.parse("eventTime", text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("eventTime '" + text + "'");
    }

    @Test
    void aLocalTimeIsRefusedForItsMissingOffset() {
        assertThatThrownBy(() -> EpcisTimestamp.parse("eventTime", "2023-01-01T10:00:00.123")).hasMessageContaining("has no time-zone offset");
    }
}
