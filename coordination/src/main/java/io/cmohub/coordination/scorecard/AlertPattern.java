package io.cmohub.coordination.scorecard;

import java.time.YearMonth;

/** How many alerts one CMO site and line drew with one code in one month (UTC). Unattributed alerts have a null partner. */
public record AlertPattern(String partner, String site, String line, String alertCode, YearMonth month, long alerts) {
}
