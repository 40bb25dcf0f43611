package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** A target market (EMVS "Member State" or any other country) as an ISO 3166-1 alpha-2 code, upper case. */
public record Market(String code) {
    private static final Set<String> ISO_3166_ALPHA_2 = Set.of(Locale.getISOCountries());

    public Market {
        if (code == null || !code.matches("[A-Z]{2}")) {
            throw new InvalidValueException("market '" + code + "' must be an ISO 3166-1 alpha-2 code: two upper-case letters");
        }
        if (!ISO_3166_ALPHA_2.contains(code)) {
            throw new InvalidValueException("market '" + code + "' is not an assigned ISO 3166-1 alpha-2 country code");
        }
    }

    @JsonCreator
    public static Market of(String code) {
        return new Market(code);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
