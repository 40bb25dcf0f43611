package io.cmohub.connector.mapping.check;

import java.util.List;

/**
 * One check of a mapping against its samples: a valid sample and its golden events, an invalid sample
 * and its expected errors, or the garbage check. Passed exactly when there are no problems.
 *
 * @param name     what was checked, e.g. {@code valid/chargen.csv}
 * @param summary  what was found, e.g. "3 events as expected"
 * @param problems what is wrong, each in words
 */
public record SampleCheck(String name, String summary, List<String> problems) {
    public SampleCheck {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
